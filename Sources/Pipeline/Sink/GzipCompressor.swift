import CZlib
import Foundation

/// Compresses one file into a gzip file with zlib, a chunk at a time, so memory stays small
/// whatever the size of the file.
enum GzipCompressor {
    private static let chunkBytes = 1 << 20

    /// Writes `source`, gzip-compressed, to `destination` (replacing it) and fsyncs it.
    /// - Throws: ``StateFileError`` naming the file when reading, compressing, writing or syncing fails.
    static func compress(_ source: URL, to destination: URL) throws(StateFileError) {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil) else {
            throw StateFileError("could not create \(destination.path)")
        }
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            throw StateFileError("could not start compressing \(source.path)")
        }
        defer { deflateEnd(&stream) }
        do {
            let input = try FileHandle(forReadingFrom: source)
            defer { try? input.close() }
            let output = try FileHandle(forWritingTo: destination)
            defer { try? output.close() }
            var buffer = [UInt8](repeating: 0, count: chunkBytes)
            var finished = false
            while !finished {
                var chunk = [UInt8](try input.read(upToCount: chunkBytes) ?? Data())
                let flush = chunk.isEmpty ? Z_FINISH : Z_NO_FLUSH
                var status = Z_OK
                try chunk.withUnsafeMutableBufferPointer { (chunkBuffer) throws(StateFileError) in
                    stream.next_in = chunkBuffer.baseAddress
                    stream.avail_in = UInt32(chunkBuffer.count)
                    repeat {
                        let produced = buffer.withUnsafeMutableBufferPointer { out -> Int in
                            stream.next_out = out.baseAddress
                            stream.avail_out = UInt32(out.count)
                            status = deflate(&stream, flush)
                            return out.count - Int(stream.avail_out)
                        }
                        guard status != Z_STREAM_ERROR else {
                            throw StateFileError("could not compress \(source.path)")
                        }
                        if produced > 0 {
                            do {
                                try output.write(contentsOf: buffer[0..<produced])
                            } catch {
                                throw StateFileError("could not write \(destination.path)", cause: error)
                            }
                        }
                    } while stream.avail_out == 0
                }
                finished = status == Z_STREAM_END
            }
            try output.synchronize()
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError("could not compress \(source.path) to \(destination.path)", cause: error)
        }
    }
}
