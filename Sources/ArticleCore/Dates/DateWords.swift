/// The words Vietnamese writes dates with, shared by the three readers of dates: a line that is
/// only a date (``DateHeaderParser``), the date a lead opens with (``DatelineDetector``) and
/// dates anywhere in the text (``DateRecognizer``). The last two read a day and month's figures
/// with ``DayMonth``. A date header is a whole line of date words, read by its own grammar; the
/// words are the same.
enum DateWords {
    /// Parts of the day written before a date: "Sáng 19/12", "chiều ngày 20/12/2013".
    static let timesOfDay = ["sáng", "chiều", "tối", "trưa", "đêm", "khuya"]
    /// Words that open a time of day before a date: "hôm nay", "rạng sáng".
    static let timeOfDayOpeners = ["hôm", "rạng"]
    static let day = "ngày"
    static let month = "tháng"
    static let year = "năm"
}
