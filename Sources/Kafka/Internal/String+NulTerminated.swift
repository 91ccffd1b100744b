extension String {
    /// The NUL-terminated text librdkafka wrote into a `char` buffer (error texts, property values).
    init(nulTerminated: [CChar]) {
        let bytes = nulTerminated.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
