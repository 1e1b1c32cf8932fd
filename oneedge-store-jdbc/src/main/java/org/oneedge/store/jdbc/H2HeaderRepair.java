package org.oneedge.store.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an H2 file that a crash left behind open at its last commit. H2 2.5.252 finds the newest chunk of an
 * uncleanly closed file from the file header, following each chunk's prediction of where the next one goes, or at
 * the end of the file. When a chunk goes elsewhere (into the space of dead chunks, which H2 reuses once they are
 * older than the retention time) it rewrites the header, but with the chunk written before, not the new one (2.3.232
 * named the new one: {@code RandomAccessStore.writeChunk} set {@code lastChunk} first). Every commit from that chunk
 * on, up to the next header write, is then acknowledged but invisible after a SIGKILL: reopening rolls the store back
 * to the chunk the header names. Before the store opens such a file this follows the chunks that were written after
 * the one the header names (the next chunk id, a higher version, not older) and, if there are any, makes the header
 * name the last of them, as H2 would have. H2 then checks that chunk as usual (its chunks all readable).
 *
 * <p>Nothing is done to a file closed cleanly, to a file another process has open (it holds H2's file lock), or when
 * the header does not name a readable chunk (H2's own recovery then decides). Once an H2 release names the new chunk
 * again, {@code H2CrashCopyTest} passes without this and it can go.
 */
final class H2HeaderRepair {

    private static final Logger log = LoggerFactory.getLogger(H2HeaderRepair.class);

    private static final int BLOCK = 4096;
    private static final int FOOTER = 128;
    private static final int MAX_HEADER = 1024;
    private static final int CHUNK_ID_MASK = 0x3FFFFFF;
    private static final byte[] CHUNK_PREFIX = "chunk:".getBytes(StandardCharsets.ISO_8859_1);

    private H2HeaderRepair() {
    }

    /** A chunk found in the file: where, its id, MVStore version and time (ms since the file was created). */
    record Chunk(long block, int id, long version, long time) {
    }

    /**
     * Repairs the H2 file of a {@code jdbc:h2:file:} URL, if it needs it. True when the header was rewritten.
     */
    static boolean repairUrl(String url) {
        String path = url.substring("jdbc:h2:file:".length());
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        if (path.startsWith("~")) { // relative to the user's home: H2 resolves it, a crash left nothing we know of
            return false;
        }
        return repair(Path.of(path + ".mv.db"));
    }

    /** Repairs the H2 file {@code file} (an {@code .mv.db}), if it needs it. True when the header was rewritten. */
    static boolean repair(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // open in this JVM
            }
            if (lock == null) {
                log.debug("H2 file {} is open elsewhere: not checked", file);
                return false;
            }
            try {
                return repair(file, channel);
            } finally {
                lock.release();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("H2 file {}: could not check its header after an unclean shutdown: {}", file, e.toString());
            return false;
        }
    }

    private static boolean repair(Path file, FileChannel channel) throws IOException {
        if (channel.size() < 2L * BLOCK) {
            return false;
        }
        Map<String, String> header = newestHeader(read(channel, 0, 2 * BLOCK));
        if (header == null || header.containsKey("clean")) {
            return false;
        }
        long headerBlock = Long.parseLong(header.getOrDefault("block", "0"), 16);
        int headerChunk = Integer.parseInt(header.getOrDefault("chunk", "0"), 16);
        Map<Integer, List<Chunk>> byId = chunks(channel);
        Chunk named = null;
        for (Chunk c : byId.getOrDefault(headerChunk, List.of())) {
            if (c.block() == headerBlock) {
                named = c;
            }
        }
        if (named == null) {
            return false;
        }
        Chunk last = named;
        for (Chunk next = successor(byId, last); next != null; next = successor(byId, last)) {
            last = next;
        }
        if (last == named) {
            return false;
        }
        header.put("block", Long.toHexString(last.block()));
        header.put("chunk", Integer.toHexString(last.id()));
        header.put("version", Long.toHexString(last.version()));
        writeHeader(channel, header);
        log.warn("H2 file {} was not closed cleanly and its header named chunk {} (version {}), not the chunks written "
                        + "after it; it now names chunk {} (version {}) so that the store opens at its last commit",
                file, Integer.toHexString(named.id()), named.version(), Integer.toHexString(last.id()),
                last.version());
        return true;
    }

    /**
     * The chunk written right after {@code chunk}: the next id, a higher version, not older; of several (one left
     * from an earlier life of the file that a crash lost), the newest.
     */
    private static Chunk successor(Map<Integer, List<Chunk>> byId, Chunk chunk) {
        Chunk best = null;
        for (Chunk c : byId.getOrDefault((chunk.id() + 1) & CHUNK_ID_MASK, List.of())) {
            if (c.version() > chunk.version() && c.time() >= chunk.time()
                    && (best == null || c.time() > best.time()
                    || (c.time() == best.time() && c.version() > best.version()))) {
                best = c;
            }
        }
        return best;
    }

    /** The newer of the two copies of the file header that is intact, or null. */
    private static Map<String, String> newestHeader(ByteBuffer blocks) {
        Map<String, String> newest = null;
        for (int i = 0; i < 2; i++) {
            byte[] bytes = new byte[BLOCK];
            blocks.get(i * BLOCK, bytes);
            Map<String, String> map = checksummed(bytes);
            if (map != null && (newest == null || hex(map, "version") > hex(newest, "version"))) {
                newest = map;
            }
        }
        return newest;
    }

    /** Every chunk with an intact header and footer, by id. */
    private static Map<Integer, List<Chunk>> chunks(FileChannel channel) throws IOException {
        Map<Integer, List<Chunk>> byId = new HashMap<>();
        long blocks = channel.size() / BLOCK;
        int perRead = 256;
        for (long first = 2; first < blocks; first += perRead) {
            int count = (int) Math.min(perRead, blocks - first);
            ByteBuffer buffer = read(channel, first * BLOCK, count * BLOCK);
            for (int i = 0; i < count; i++) {
                Chunk chunk = chunkAt(channel, buffer, i * BLOCK, first + i, blocks);
                if (chunk != null) {
                    byId.computeIfAbsent(chunk.id(), id -> new ArrayList<>(1)).add(chunk);
                }
            }
        }
        return byId;
    }

    private static Chunk chunkAt(FileChannel channel, ByteBuffer buffer, int offset, long block, long blocks)
            throws IOException {
        for (int i = 0; i < CHUNK_PREFIX.length; i++) {
            if (buffer.get(offset + i) != CHUNK_PREFIX[i]) {
                return null;
            }
        }
        int end = -1;
        for (int i = 0; i < MAX_HEADER; i++) {
            if (buffer.get(offset + i) == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        byte[] line = new byte[end];
        buffer.get(offset, line);
        try {
            Map<String, String> head = DataUtils.parseMap(new String(line, StandardCharsets.ISO_8859_1).trim());
            int id = Integer.parseInt(head.get("chunk"), 16);
            long len = Long.parseLong(head.get("len"), 16);
            long version = hex(head, "version");
            if (len <= 0 || block + len > blocks) {
                return null;
            }
            byte[] footerBytes = new byte[FOOTER];
            read(channel, (block + len) * BLOCK - FOOTER, FOOTER).get(footerBytes);
            Map<String, String> footer = checksummed(footerBytes);
            if (footer == null || Integer.parseInt(footer.getOrDefault("chunk", "-1"), 16) != id
                    || Long.parseLong(footer.getOrDefault("len", "-1"), 16) != len || hex(footer, "version") != version) {
                return null;
            }
            return new Chunk(block, id, version, hex(head, "time"));
        } catch (RuntimeException e) { // not a chunk header after all (data that starts like one)
            return null;
        }
    }

    /** A {@code key:value,...,fletcher:…} line as H2 writes it, or null if its checksum does not match. */
    private static Map<String, String> checksummed(byte[] bytes) {
        int start = 0;
        int end = bytes.length;
        while (start < end && bytes[start] <= ' ') {
            start++;
        }
        while (end > start && bytes[end - 1] <= ' ') {
            end--;
        }
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        int fletcher = text.lastIndexOf(",fletcher:");
        if (fletcher < 0) {
            return null;
        }
        try {
            int expected = (int) Long.parseLong(text.substring(fletcher + ",fletcher:".length()), 16);
            if (expected != DataUtils.getFletcher32(bytes, start, fletcher)) {
                return null;
            }
            return new LinkedHashMap<>(DataUtils.parseMap(text.substring(0, fletcher)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Writes both copies of the file header, as {@code RandomAccessStore.writeStoreHeader} does. */
    private static void writeHeader(FileChannel channel, Map<String, String> header) throws IOException {
        StringBuilder text = new StringBuilder(112);
        header.forEach((key, value) -> DataUtils.appendMap(text, key, value));
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        DataUtils.appendMap(text, "fletcher", DataUtils.getFletcher32(bytes, 0, bytes.length));
        text.append('\n');
        bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buffer = ByteBuffer.allocate(2 * BLOCK);
        buffer.put(bytes);
        buffer.position(BLOCK);
        buffer.put(bytes);
        buffer.rewind();
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
        channel.force(false);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    private static long hex(Map<String, String> map, String key) {
        return Long.parseLong(map.getOrDefault(key, "0"), 16);
    }
}
