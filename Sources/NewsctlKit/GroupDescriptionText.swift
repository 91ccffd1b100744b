import Kafka

/// The text `newsctl topics --group` prints: the group's state and members, then its lag table.
public enum GroupDescriptionText {
    /// The lines describing `description`, followed by ``LagTable`` lines for `lags`.
    public static func lines(description: ConsumerGroupDescription, lags: [GroupLag]) -> [String] {
        let count = description.members.count
        var lines = ["group \(description.group): state \(description.state), \(count) member\(count == 1 ? "" : "s")"]
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
        if lags.isEmpty {
            lines.append("no committed offsets")
        } else {
            lines += LagTable.lines(for: lags)
        }
        return lines
    }
}
