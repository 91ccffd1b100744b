import Kafka

/// The text `newsctl topics --group` prints: the group's state and members, then its lag table.
public enum GroupDescriptionText {
    /// The lines describing `description`, followed by ``LagTable`` lines for `lags`. Without a
    /// description (the broker would not describe the group) only the reason is given.
    public static func lines(
        group: String, description: Result<ConsumerGroupDescription, KafkaError>, lags: [GroupLag]
    ) -> [String] {
        var lines: [String] = []
        switch description {
        case .failure(let error):
            lines.append("group \(group): state and members unknown, the broker did not describe it: \(error.message)")
        case .success(let description):
            let count = description.members.count
            lines.append("group \(group): state \(description.state), \(count) member\(count == 1 ? "" : "s")")
            if description.members.isEmpty {
                lines.append("members: none reported by the broker")
            }
            for member in description.members {
                let assigned = Dictionary(grouping: member.assignment, by: \.topic).sorted { $0.key < $1.key }
                    .map { topic, partitions in
                        "\(topic) [\(partitions.map { String($0.partition) }.joined(separator: ","))]"
                    }
                lines.append(
                    "member \(member.clientID) \(member.memberID) host \(member.host): "
                        + (assigned.isEmpty ? "no partitions reported" : assigned.joined(separator: "; ")))
            }
        }
        if lags.isEmpty {
            lines.append("no committed offsets")
        } else {
            lines += LagTable.lines(for: lags)
        }
        return lines
    }
}
