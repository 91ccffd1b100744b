/// The titles of the five seed articles, as the parser must find them.
enum SeedTitles {
    static let all: Set<String> = [
        "Hội nghị ngoại giao lần thứ 32: Xây dựng, phát triển nền đối ngoại, ngoại giao Việt Nam toàn diện, hiện đại",
        "Hội nghị đối ngoại 2021: Thống nhất phương hướng, nhiệm vụ giai đoạn mới",
        "Bế mạc Hội nghị Ngoại giao lần thứ 28",
        "Hội nghị Ngoại giao lần thứ 31 tạo ra khí thế mới, xung lực mới",
        "Khai mạc Hội nghị Ngoại giao lần thứ 32",
    ]
}
