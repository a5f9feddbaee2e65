package org.latentexplorer.data;

import java.util.Locale;

/**
 * A file that can be downloaded, with what we know to check it by.
 *
 * @param url            where to get it
 * @param fileName       the name to store it under in the cache
 * @param size           the expected size in bytes, or -1 when not known
 * @param sha256         the expected SHA-256 (hex), or null when no published value was found: then
 *                       the file is trusted on first download and its SHA-256 recorded beside it
 * @param md5            the expected MD5 (hex), or null; checked in addition to SHA-256 when given
 * @param checksumSource where the pinned values were found, for the record
 */
public record RemoteFile(String url, String fileName, long size, String sha256, String md5, String checksumSource) {
    public RemoteFile {
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        md5 = md5 == null ? null : md5.toLowerCase(Locale.ROOT);
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        if (md5 != null && !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not an MD5: " + md5);
        }
    }
}
