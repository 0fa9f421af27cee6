package dev.shale.embedded;

import org.tukaani.xz.XZInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Unpacks an xz-compressed tar archive (the {@code .txz} inside a binaries jar): regular files with their
 * mode, folders and symbolic links; GNU long names and pax paths. Refuses entries that point outside the
 * target folder.
 */
final class TarXz {
    private static final int BLOCK = 512;

    private TarXz() {}

    static void extract(InputStream compressed, Path target) throws IOException {
        InputStream in = new XZInputStream(compressed); // not closed: it would close the zip stream too
        Path root = target.toAbsolutePath().normalize();
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (readFully(in, header)) {
            if (isZero(header)) {
                return;
            }
            String name = longName != null ? longName : name(header);
            longName = null;
            char type = (char) header[156];
            long size = octal(header, 124, 12);
            int mode = (int) octal(header, 100, 8);
            if (type == 'L' || type == 'x') {
                String data = new String(readData(in, size), StandardCharsets.UTF_8);
                longName = type == 'L' ? data.replace("\0", "") : paxPath(data);
                continue;
            }
            if (type == 'g') {
                readData(in, size);
                continue;
            }
            Path out = root.resolve(name).normalize();
            if (!out.startsWith(root)) {
                throw new IOException("archive entry " + name + " points outside " + root);
            }
            switch (type) {
                case '5' -> Files.createDirectories(out);
                case '2' -> {
                    String link = string(header, 157, 100);
                    if (!out.getParent().resolve(link).normalize().startsWith(root)) {
                        throw new IOException("archive link " + name + " -> " + link + " points outside " + root);
                    }
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(link));
                }
                case '0', '\0', '7' -> {
                    Files.createDirectories(out.getParent());
                    Files.write(out, readData(in, size));
                    try {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(permissions(mode)));
                    } catch (UnsupportedOperationException ignored) {
                        // Windows: no POSIX modes
                    }
                }
                default -> readData(in, size); // hard links, devices: none in PostgreSQL's archives
            }
        }
    }

    /** Executable entries stay executable; everything is readable by all and writable by the owner only. */
    private static String permissions(int mode) {
        return (mode & 0111) != 0 ? "rwxr-xr-x" : "rw-r--r--";
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String name(byte[] h) {
        String name = string(h, 0, 100);
        String magic = string(h, 257, 6);
        String prefix = magic.startsWith("ustar") ? string(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String string(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len) {
        String s = string(h, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new IOException("archive ends inside an entry");
        }
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        in.readNBytes((int) pad);
        return data;
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, block.length);
        return n == block.length;
    }
}
