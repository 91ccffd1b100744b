/// Renders consumer-group lag as a plain aligned table for a terminal or `column`-free scripts:
/// one row per partition, then a total row per group and topic.
public enum LagTable {
    /// The table's lines, header first; columns are separated by at least two spaces.
    /// A partition the group never committed in shows `-` as its committed offset.
    public static func lines(for lags: [GroupLag]) -> [String] {
        var rows = [["GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG"]]
        for lag in lags {
            for partition in lag.partitions {
                rows.append([
                    lag.group, lag.topic, String(partition.partition), partition.committed.map(String.init) ?? "-",
                    String(partition.end), String(partition.lag),
                ])
            }
            rows.append([lag.group, lag.topic, "total", "", "", String(lag.totalLag)])
        }
        return aligned(rows)
    }

    /// Pads every column but the last to its widest cell, so the columns line up.
    static func aligned(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
