/// The words Vietnamese writes dates with, shared by the three readers of dates: a line that is
/// only a date (``DateHeaderParser``), the date a lead opens with (``DatelineDetector``) and
/// dates anywhere in the text (``DateRecognizer``). Each reader reads its own shape of text, so
/// the grammars differ; the words do not.
enum DateWords {
    /// Parts of the day written before a date: "Sáng 19/12", "chiều ngày 20/12/2013".
    static let timesOfDay = ["sáng", "chiều", "tối", "trưa", "đêm", "khuya"]
    /// Words that open a time of day before a date: "hôm nay", "rạng sáng".
    static let timeOfDayOpeners = ["hôm", "rạng"]
    static let day = "ngày"
    static let month = "tháng"
    static let year = "năm"
}
