/// Paragraphs in the styles of economic, local, foreign and sports news, with lowercase titles,
/// dash-set appositions and lists: the rules must not be tuned to the five seeds.
enum CraftedParagraphs {
    static let all: [CraftedParagraph] = [
        CraftedParagraph(
            name: "ministry and development bank, deputy minister's full title",
            text:
                "Chiều 5/3, tại Hà Nội, Bộ Kế hoạch và Đầu tư phối hợp với Ngân hàng Thế giới tổ chức hội thảo về thu hút vốn FDI. Thứ trưởng Bộ Kế hoạch và Đầu tư Trần Quốc Phương cho biết, tổng vốn đầu tư nước ngoài đăng ký vào Việt Nam trong hai tháng đầu năm đạt 4,29 tỷ USD.",
            persons: ["Trần Quốc Phương": ["Thứ trưởng Bộ Kế hoạch và Đầu tư"]],
            organizations: ["Bộ Kế hoạch và Đầu tư", "Ngân hàng Thế giới"], locations: ["Hà Nội", "Việt Nam"]),
        CraftedParagraph(
            name: "company chairman with a lowercase title after his name",
            text:
                "Theo ông Phạm Nhật Vượng, chủ tịch Tập đoàn Vingroup, doanh nghiệp sẽ đầu tư thêm vào nhà máy ô tô tại Hải Phòng trong năm 2024.",
            persons: ["Phạm Nhật Vượng": ["chủ tịch Tập đoàn Vingroup"]], organizations: ["Tập đoàn Vingroup"],
            locations: ["Hải Phòng"]),
        CraftedParagraph(
            name: "central bank governor",
            text:
                "Thống đốc Ngân hàng Nhà nước Nguyễn Thị Hồng khẳng định lãi suất cho vay sẽ tiếp tục giảm trong quý II.",
            persons: ["Nguyễn Thị Hồng": ["Thống đốc Ngân hàng Nhà nước"]], organizations: ["Ngân hàng Nhà nước"]),
        CraftedParagraph(
            name: "district people's committee, commune and province",
            text:
                "Sáng 12/4, UBND huyện Mường Nhé, tỉnh Điện Biên tổ chức lễ khánh thành cầu treo tại xã Chung Chải. Ông Lò Văn Tiến, Chủ tịch UBND huyện, cho biết công trình giúp hơn 2.000 người dân đi lại thuận tiện.",
            persons: ["Lò Văn Tiến": ["Chủ tịch UBND huyện"]], organizations: ["UBND huyện Mường Nhé"],
            locations: ["Mường Nhé", "Điện Biên", "Chung Chải"]),
        CraftedParagraph(
            name: "provincial police, rank and office",
            text:
                "Công an tỉnh Nghệ An vừa khởi tố vụ án buôn lậu tại thị xã Cửa Lò. Đại tá Bùi Quang Thanh, Giám đốc Công an tỉnh, chỉ đạo các đơn vị phối hợp với Bộ đội Biên phòng tỉnh truy bắt các đối tượng.",
            persons: ["Bùi Quang Thanh": ["Đại tá", "Giám đốc Công an tỉnh"]],
            organizations: ["Công an tỉnh Nghệ An", "Bộ đội Biên phòng"], locations: ["Nghệ An", "Cửa Lò"]),
        CraftedParagraph(
            name: "Chinese leaders by their Sino-Vietnamese names",
            text:
                "Chủ tịch Trung Quốc Tập Cận Bình và Thủ tướng Lý Cường đã tiếp Bộ trưởng Ngoại giao Bùi Thanh Sơn tại Bắc Kinh.",
            persons: [
                "Tập Cận Bình": ["Chủ tịch Trung Quốc"], "Lý Cường": ["Thủ tướng"],
                "Bùi Thanh Sơn": ["Bộ trưởng Ngoại giao"],
            ],
            locations: ["Trung Quốc", "Bắc Kinh"]),
        CraftedParagraph(
            name: "French president, later called by surname",
            text:
                "Tổng thống Pháp Emmanuel Macron sẽ thăm chính thức Việt Nam theo lời mời của Chủ tịch nước Lương Cường. Trong chuyến thăm, ông Macron dự kiến gặp gỡ cộng đồng doanh nghiệp Pháp tại Thành phố Hồ Chí Minh.",
            persons: ["Emmanuel Macron": ["Tổng thống Pháp"], "Lương Cường": ["Chủ tịch nước"]],
            locations: ["Pháp", "Việt Nam", "Thành phố Hồ Chí Minh"]),
        CraftedParagraph(
            name: "foreign ministers of two countries",
            text:
                "Ngoại trưởng Mỹ Antony Blinken đã điện đàm với Ngoại trưởng Nga Sergei Lavrov về tình hình tại Ukraine.",
            persons: ["Antony Blinken": ["Ngoại trưởng Mỹ"], "Sergei Lavrov": ["Ngoại trưởng Nga"]],
            locations: ["Mỹ", "Nga", "Ukraine"]),
        CraftedParagraph(
            name: "Japanese prime minister, capital and regional bloc",
            text:
                "Thủ tướng Nhật Bản Kishida Fumio cho biết Tokyo sẵn sàng hỗ trợ các nước ASEAN ứng phó với biến đổi khí hậu.",
            persons: ["Kishida Fumio": ["Thủ tướng Nhật Bản"]], organizations: ["ASEAN"],
            locations: ["Nhật Bản", "Tokyo"]),
        CraftedParagraph(
            name: "lowercase title between dashes (Tuổi Trẻ style)",
            text:
                "Ông Nguyễn Văn Phong - phó giám đốc Sở Y tế TP.HCM - cho biết thành phố đã tiêm hơn 2 triệu liều vắc xin.",
            persons: ["Nguyễn Văn Phong": ["phó giám đốc Sở Y tế TP.HCM"]], organizations: ["Sở Y tế TP.HCM"],
            locations: ["TP.HCM"]),
        CraftedParagraph(
            name: "delegation list with lowercase titles",
            text:
                "Thành phần đoàn gồm: ông Trần Lưu Quang, phó thủ tướng, trưởng đoàn; bà Lê Thị Thu Hằng, thứ trưởng Bộ Ngoại giao; ông Nguyễn Hồng Diên, bộ trưởng Bộ Công Thương.",
            persons: [
                "Trần Lưu Quang": ["phó thủ tướng", "trưởng đoàn"], "Lê Thị Thu Hằng": ["thứ trưởng Bộ Ngoại giao"],
                "Nguyễn Hồng Diên": ["bộ trưởng Bộ Công Thương"],
            ],
            organizations: ["Bộ Ngoại giao", "Bộ Công Thương"]),
        CraftedParagraph(
            name: "Politburo members listed after a colon",
            text:
                "Dự lễ kỷ niệm có các đồng chí Ủy viên Bộ Chính trị: Vương Đình Huệ, Chủ tịch Quốc hội; Trương Thị Mai, Thường trực Ban Bí thư, Trưởng Ban Tổ chức Trung ương.",
            persons: [
                "Vương Đình Huệ": ["Ủy viên Bộ Chính trị", "Chủ tịch Quốc hội"],
                "Trương Thị Mai": ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư", "Trưởng Ban Tổ chức Trung ương"],
            ],
            organizations: ["Bộ Chính trị", "Quốc hội", "Ban Bí thư", "Ban Tổ chức Trung ương"]),
        CraftedParagraph(
            name: "two defence ministers, one foreign",
            text:
                "Đại tướng Phan Văn Giang, Bộ trưởng Quốc phòng, đã tiếp Bộ trưởng Quốc phòng Australia Richard Marles tại trụ sở Bộ Quốc phòng.",
            persons: [
                "Phan Văn Giang": ["Đại tướng", "Bộ trưởng Quốc phòng"],
                "Richard Marles": ["Bộ trưởng Quốc phòng Australia"],
            ],
            organizations: ["Bộ Quốc phòng"], locations: ["Australia"]),
        CraftedParagraph(
            name: "UN secretary-general",
            text: "Tổng Thư ký Liên Hợp Quốc António Guterres kêu gọi các bên tại Dải Gaza ngừng bắn ngay lập tức.",
            persons: ["António Guterres": ["Tổng Thư ký Liên Hợp Quốc"]], organizations: ["Liên Hợp Quốc"],
            locations: ["Dải Gaza"]),
        CraftedParagraph(
            name: "provinces merged in 2025, ward of the new province",
            text:
                "Từ ngày 1/7/2025, tỉnh Hà Giang hợp nhất với tỉnh Tuyên Quang thành tỉnh Tuyên Quang mới, trung tâm hành chính đặt tại phường Minh Xuân.",
            locations: ["Hà Giang", "Tuyên Quang", "Minh Xuân"]),
        CraftedParagraph(
            name: "sports games abroad; an athlete is not a title",
            text: "Tại SEA Games 32 ở Campuchia, vận động viên Nguyễn Thị Oanh giành ba huy chương vàng.",
            persons: ["Nguyễn Thị Oanh": []], locations: ["Campuchia"]),
        CraftedParagraph(
            name: "European Commission president with particles in her name",
            text:
                "Bà Ursula von der Leyen, Chủ tịch Ủy ban châu Âu, cho biết EU sẽ tăng viện trợ cho Ukraine. Theo bà von der Leyen, gói hỗ trợ trị giá 50 tỷ euro.",
            persons: ["Ursula von der Leyen": ["Chủ tịch Ủy ban châu Âu"]], organizations: ["Ủy ban châu Âu", "EU"],
            locations: ["Ukraine"]),
        CraftedParagraph(
            name: "health ministry, provinces in a list, deputy minister by field",
            text:
                "Theo Bộ Y tế, trong tuần qua cả nước ghi nhận 1.200 ca mắc sốt xuất huyết, tập trung ở Thành phố Hồ Chí Minh, Đồng Nai và Bình Dương. Thứ trưởng Y tế Đỗ Xuân Tuyên đề nghị các địa phương tăng cường phòng dịch.",
            persons: ["Đỗ Xuân Tuyên": ["Thứ trưởng Y tế"]], organizations: ["Bộ Y tế"],
            locations: ["Thành phố Hồ Chí Minh", "Đồng Nai", "Bình Dương"]),
        CraftedParagraph(
            name: "academic titles and a university named after its city",
            text:
                "PGS.TS Huỳnh Quyết Thắng, Hiệu trưởng Trường Đại học Bách khoa Hà Nội, cho biết năm nay trường tuyển 7.000 sinh viên.",
            persons: ["Huỳnh Quyết Thắng": ["PGS.TS", "Hiệu trưởng Trường Đại học Bách khoa Hà Nội"]],
            organizations: ["Trường Đại học Bách khoa Hà Nội"], locations: ["Hà Nội"]),
        CraftedParagraph(
            name: "farmers of a commune, district and province",
            text:
                "Nông dân xã Tân Hòa, huyện Phú Tân, tỉnh An Giang đang thu hoạch lúa Hè Thu với năng suất 6 tấn mỗi ha.",
            locations: ["Tân Hòa", "Phú Tân", "An Giang"]),
        CraftedParagraph(
            name: "court and defendant; a defendant has no title",
            text:
                "Tòa án nhân dân TP Hà Nội đã tuyên phạt bị cáo Trịnh Văn Quyết 21 năm tù về tội lừa đảo chiếm đoạt tài sản.",
            persons: ["Trịnh Văn Quyết": []], organizations: ["Tòa án nhân dân TP Hà Nội"], locations: ["Hà Nội"]),
        CraftedParagraph(
            name: "National Assembly session and its chairman",
            text:
                "Kỳ họp thứ 7, Quốc hội khóa XV khai mạc sáng 20/5 tại Nhà Quốc hội. Chủ tịch Quốc hội Trần Thanh Mẫn phát biểu khai mạc.",
            persons: ["Trần Thanh Mẫn": ["Chủ tịch Quốc hội"]], organizations: ["Quốc hội"]),
        CraftedParagraph(
            name: "foreign chief executive of a company with a head word",
            text:
                "Tổng giám đốc Công ty Samsung Electronics Việt Nam Choi Joo Ho cho biết tập đoàn sẽ mở rộng nhà máy tại Bắc Ninh và Thái Nguyên.",
            persons: ["Choi Joo Ho": ["Tổng giám đốc Công ty Samsung Electronics Việt Nam"]],
            organizations: ["Công ty Samsung Electronics Việt Nam"],
            locations: ["Việt Nam", "Bắc Ninh", "Thái Nguyên"]),
        CraftedParagraph(
            name: "quotation first, speaker after",
            text:
                "“Chúng tôi sẽ không để ai bị bỏ lại phía sau”, Thủ tướng Phạm Minh Chính nhấn mạnh tại buổi làm việc với lãnh đạo tỉnh Quảng Ninh.",
            persons: ["Phạm Minh Chính": ["Thủ tướng"]], locations: ["Quảng Ninh"]),
        CraftedParagraph(
            name: "name opening the sentence, title after it",
            text:
                "Lê Minh Khái, Phó Thủ tướng Chính phủ, vừa ký quyết định thành lập Ban Chỉ đạo quốc gia về phòng, chống dịch.",
            persons: ["Lê Minh Khái": ["Phó Thủ tướng Chính phủ"]],
            organizations: ["Chính phủ", "Ban Chỉ đạo quốc gia"]),
        CraftedParagraph(
            name: "Anh as a form of address, not England",
            text:
                "Anh Nguyễn Văn Nam, một người dân ở phường Hoàn Kiếm, cho biết anh đã sống ở Hà Nội 20 năm.",
            persons: ["Nguyễn Văn Nam": []], locations: ["Hoàn Kiếm", "Hà Nội"]),
        CraftedParagraph(
            name: "three prime ministers of neighbouring countries",
            text:
                "Tham dự hội nghị có Thủ tướng Lào Sonexay Siphandone, Thủ tướng Campuchia Hun Manet và Thủ tướng Thái Lan Srettha Thavisin.",
            persons: [
                "Sonexay Siphandone": ["Thủ tướng Lào"], "Hun Manet": ["Thủ tướng Campuchia"],
                "Srettha Thavisin": ["Thủ tướng Thái Lan"],
            ],
            locations: ["Lào", "Campuchia", "Thái Lan"]),
        CraftedParagraph(
            name: "statistics office; GDP is no entity",
            text:
                "Theo số liệu của Tổng cục Thống kê, GDP quý I/2024 tăng 5,66% so với cùng kỳ; riêng Thành phố Hồ Chí Minh tăng 6,5%.",
            organizations: ["Tổng cục Thống kê"], locations: ["Thành phố Hồ Chí Minh"]),
        CraftedParagraph(
            name: "foreign names repeated without their titles",
            text:
                "Tổng thống Mỹ Joe Biden đã gặp Chủ tịch Trung Quốc Tập Cận Bình bên lề hội nghị APEC. Đây là lần gặp trực tiếp thứ hai giữa Joe Biden và Tập Cận Bình.",
            persons: ["Joe Biden": ["Tổng thống Mỹ"], "Tập Cận Bình": ["Chủ tịch Trung Quốc"]],
            organizations: ["APEC"], locations: ["Mỹ", "Trung Quốc"]),
        CraftedParagraph(
            name: "football coach with a Korean name",
            text:
                "Huấn luyện viên Kim Sang-sik cho biết đội tuyển Việt Nam sẽ tập trung tại Trung tâm đào tạo bóng đá trẻ PVF ở Hưng Yên.",
            persons: ["Kim Sang-sik": ["Huấn luyện viên"]], organizations: ["Trung tâm đào tạo bóng đá trẻ PVF"],
            locations: ["Việt Nam", "Hưng Yên"]),
        CraftedParagraph(
            name: "storm landfall reported by the weather service",
            text:
                "Bão số 3 (Yagi) đổ bộ vào Quảng Ninh và Hải Phòng chiều 7/9, Tổng cục Khí tượng Thủy văn cho biết.",
            organizations: ["Tổng cục Khí tượng Thủy văn"], locations: ["Quảng Ninh", "Hải Phòng"]),
        CraftedParagraph(
            name: "traffic police department and a city's transport department",
            text:
                "Sáng nay, Cục Cảnh sát giao thông đã làm việc với Sở Giao thông vận tải Hà Nội về tình trạng ùn tắc trên đường Phạm Văn Đồng.",
            organizations: ["Cục Cảnh sát giao thông", "Sở Giao thông vận tải Hà Nội"],
            locations: ["Hà Nội", "đường Phạm Văn Đồng"]),
        CraftedParagraph(
            name: "provincial party congress electing a secretary",
            text:
                "Đại hội đại biểu Đảng bộ tỉnh Bắc Ninh lần thứ XX đã bầu đồng chí Nguyễn Anh Tuấn giữ chức Bí thư Tỉnh ủy.",
            persons: ["Nguyễn Anh Tuấn": ["Bí thư Tỉnh ủy"]], organizations: ["Đảng bộ tỉnh Bắc Ninh"],
            locations: ["Bắc Ninh"]),
        CraftedParagraph(
            name: "ambassador posted abroad presents credentials",
            text:
                "Đại sứ Việt Nam tại Hoa Kỳ Nguyễn Quốc Dũng đã trình Thư ủy nhiệm lên Tổng thống Joe Biden.",
            persons: ["Nguyễn Quốc Dũng": ["Đại sứ Việt Nam tại Hoa Kỳ"], "Joe Biden": ["Tổng thống"]],
            locations: ["Việt Nam", "Hoa Kỳ"]),
        CraftedParagraph(
            name: "bank chief executive and the bank's brand in brackets",
            text:
                "Ông Trần Đình Cường, Tổng Giám đốc Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank), cho biết lợi nhuận năm nay tăng 10%.",
            persons: ["Trần Đình Cường": ["Tổng Giám đốc Ngân hàng TMCP Ngoại thương Việt Nam"]],
            organizations: ["Ngân hàng TMCP Ngoại thương Việt Nam", "Vietcombank"], locations: ["Việt Nam"]),
        CraftedParagraph(
            name: "education minister with the ministry's full name",
            text:
                "Bộ trưởng Bộ Giáo dục và Đào tạo Nguyễn Kim Sơn yêu cầu các trường không thu thêm học phí.",
            persons: ["Nguyễn Kim Sơn": ["Bộ trưởng Bộ Giáo dục và Đào tạo"]],
            organizations: ["Bộ Giáo dục và Đào tạo"]),
        CraftedParagraph(
            name: "provincial chairman and two towns",
            text:
                "Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy đã kiểm tra công tác khắc phục hậu quả bão tại thành phố Hạ Long và thị xã Quảng Yên.",
            persons: ["Cao Tường Huy": ["Chủ tịch UBND tỉnh Quảng Ninh"]], organizations: ["UBND tỉnh Quảng Ninh"],
            locations: ["Quảng Ninh", "Hạ Long", "Quảng Yên"]),
        CraftedParagraph(
            name: "world economic forum abroad",
            text:
                "Phát biểu tại Diễn đàn Kinh tế Thế giới ở Davos (Thụy Sĩ), Thủ tướng Phạm Minh Chính kêu gọi các nhà đầu tư châu Âu mở rộng hợp tác.",
            persons: ["Phạm Minh Chính": ["Thủ tướng"]], organizations: ["Diễn đàn Kinh tế Thế giới"],
            locations: ["Davos", "Thụy Sĩ", "châu Âu"]),
        CraftedParagraph(
            name: "international organisation with its acronym",
            text: "Theo Tổ chức Y tế Thế giới (WHO), bệnh sởi đang gia tăng tại châu Phi.",
            organizations: ["Tổ chức Y tế Thế giới", "WHO"], locations: ["châu Phi"]),
        CraftedParagraph(
            name: "district police and a suspect with age and address",
            text:
                "Theo Công an quận Hoàn Kiếm, nghi phạm Nguyễn Văn Hùng (35 tuổi, trú tại phường Hàng Bạc) đã bị bắt giữ.",
            persons: ["Nguyễn Văn Hùng": []], organizations: ["Công an quận Hoàn Kiếm"],
            locations: ["Hoàn Kiếm", "Hàng Bạc"]),
        CraftedParagraph(
            name: "people's artist",
            text: "NSND Trần Hiếu qua đời tại Hà Nội, hưởng thọ 89 tuổi.",
            persons: ["Trần Hiếu": ["NSND"]], locations: ["Hà Nội"]),
        CraftedParagraph(
            name: "finance minister presents a draft law",
            text:
                "Bộ trưởng Tài chính Hồ Đức Phớc trình Quốc hội dự án Luật Thuế giá trị gia tăng (sửa đổi).",
            persons: ["Hồ Đức Phớc": ["Bộ trưởng Tài chính"]], organizations: ["Quốc hội"]),
        CraftedParagraph(
            name: "Korean president on a state visit",
            text:
                "Tổng thống Hàn Quốc Yoon Suk Yeol và phu nhân đã đến Hà Nội, bắt đầu chuyến thăm cấp Nhà nước tới Việt Nam.",
            persons: ["Yoon Suk Yeol": ["Tổng thống Hàn Quốc"]], locations: ["Hàn Quốc", "Hà Nội", "Việt Nam"]),
        CraftedParagraph(
            name: "merged province and its former one",
            text:
                "Sau sắp xếp, tỉnh Gia Lai mới có trung tâm hành chính tại thành phố Quy Nhơn (tỉnh Bình Định cũ).",
            locations: ["Gia Lai", "Quy Nhơn", "Bình Định"]),
        CraftedParagraph(
            name: "vice-chair of the assembly receives an ambassador",
            text:
                "Chiều 10/6, Phó Chủ tịch Quốc hội Nguyễn Khắc Định đã tiếp Đại sứ Nhật Bản tại Việt Nam Ito Naoki tại Nhà Quốc hội.",
            persons: ["Nguyễn Khắc Định": ["Phó Chủ tịch Quốc hội"], "Ito Naoki": ["Đại sứ Nhật Bản tại Việt Nam"]],
            organizations: ["Quốc hội"], locations: ["Nhật Bản", "Việt Nam"]),
        CraftedParagraph(
            name: "provincial department with a long field name, district and city",
            text:
                "Theo Sở Tài nguyên và Môi trường tỉnh Lâm Đồng, mưa lớn kéo dài đã gây sạt lở tại huyện Đam Rông và thành phố Bảo Lộc.",
            organizations: ["Sở Tài nguyên và Môi trường tỉnh Lâm Đồng"],
            locations: ["Lâm Đồng", "Đam Rông", "Bảo Lộc"]),
        CraftedParagraph(
            name: "commune, district and province in a row",
            text:
                "Bà Nguyễn Thị Thanh, Phó Chủ tịch Quốc hội, cùng đoàn công tác đã thăm hỏi các gia đình chính sách ở xã Tà Xùa, huyện Bắc Yên, tỉnh Sơn La.",
            persons: ["Nguyễn Thị Thanh": ["Phó Chủ tịch Quốc hội"]], organizations: ["Quốc hội"],
            locations: ["Tà Xùa", "Bắc Yên", "Sơn La"]),
        CraftedParagraph(
            name: "Ukrainian president and the European Union",
            text:
                "Tổng thống Ukraine Volodymyr Zelensky cho biết Kiev đang đàm phán với Liên minh châu Âu về gói hỗ trợ mới.",
            persons: ["Volodymyr Zelensky": ["Tổng thống Ukraine"]], organizations: ["Liên minh châu Âu"],
            locations: ["Ukraine", "Kiev"]),
        CraftedParagraph(
            name: "chief executive of a group with an acronym name",
            text:
                "Giám đốc điều hành Tập đoàn FPT Nguyễn Văn Khoa cho rằng trí tuệ nhân tạo sẽ thay đổi ngành phần mềm.",
            persons: ["Nguyễn Văn Khoa": ["Giám đốc điều hành Tập đoàn FPT"]], organizations: ["Tập đoàn FPT"]),
        CraftedParagraph(
            name: "square and mausoleum",
            text:
                "Ngày 2/9, hàng nghìn người dân và du khách đã tới Quảng trường Ba Đình để viếng Lăng Chủ tịch Hồ Chí Minh.",
            persons: ["Hồ Chí Minh": ["Chủ tịch"]], locations: ["Quảng trường Ba Đình"]),
        CraftedParagraph(
            name: "former office after the name, earlier office after an appointment verb",
            text: "Ông Lê Văn Thành, nguyên Phó Thủ tướng Chính phủ, từng giữ chức Chủ tịch UBND thành phố Hải Phòng.",
            persons: ["Lê Văn Thành": ["nguyên Phó Thủ tướng Chính phủ", "Chủ tịch UBND thành phố Hải Phòng"]],
            organizations: ["Chính phủ", "UBND thành phố Hải Phòng"], locations: ["Hải Phòng"]),
        CraftedParagraph(
            name: "development bank with its acronym, countries compared",
            text:
                "Ngân hàng Phát triển châu Á (ADB) dự báo tăng trưởng kinh tế của Việt Nam năm nay đạt 6%, cao hơn Thái Lan và Malaysia.",
            organizations: ["Ngân hàng Phát triển châu Á", "ADB"], locations: ["Việt Nam", "Thái Lan", "Malaysia"]),
        CraftedParagraph(
            name: "police general and deputy minister",
            text:
                "Trung tướng Nguyễn Văn Long, Thứ trưởng Bộ Công an, chủ trì cuộc họp với Công an các tỉnh phía Nam.",
            persons: ["Nguyễn Văn Long": ["Trung tướng", "Thứ trưởng Bộ Công an"]], organizations: ["Bộ Công an"]),
        CraftedParagraph(
            name: "beauty queen known by a name without family name",
            text: "Hoa hậu Thanh Thủy đại diện Việt Nam tham dự cuộc thi Hoa hậu Quốc tế tại Tokyo, Nhật Bản.",
            persons: ["Thanh Thủy": ["Hoa hậu"]], locations: ["Việt Nam", "Tokyo", "Nhật Bản"]),
        CraftedParagraph(
            name: "deputy foreign minister meets ASEAN abroad",
            text:
                "Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt đã có cuộc gặp với Phó Tổng Thư ký ASEAN phụ trách Cộng đồng Chính trị - An ninh tại Jakarta.",
            persons: ["Đỗ Hùng Việt": ["Thứ trưởng Bộ Ngoại giao"]], organizations: ["Bộ Ngoại giao", "ASEAN"],
            locations: ["Jakarta"]),
        CraftedParagraph(
            name: "civil aviation authority and an airport",
            text: "Theo Cục Hàng không Việt Nam, sân bay Long Thành dự kiến đưa vào khai thác năm 2026.",
            organizations: ["Cục Hàng không Việt Nam"], locations: ["Việt Nam", "sân bay Long Thành"]),
    ]
}
