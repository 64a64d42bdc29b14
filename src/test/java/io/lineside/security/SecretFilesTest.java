package io.lineside.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "permission checks need POSIX");
    }

    @Test
    void ownerOnlyFileIsReadWithoutItsLineBreak() throws Exception {
        Path file = secret("s3cr3t-密码\n", "rw-------");
        assertArrayEquals("s3cr3t-密码".toCharArray(), SecretFiles.readSecret(file));
        assertArrayEquals("s3cr3t-密码".toCharArray(), SecretFiles.readSecret(secret("s3cr3t-密码\r\n", "r--------")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rwx---r-x"})
    void fileOthersCanAccessIsRefusedNamingTheFixAndNotRead(String permissions) throws Exception {
        Path file = secret("s3cr3t\n", permissions);
        SecretFileException e = assertThrows(SecretFileException.class, () -> SecretFiles.readSecret(file));
        assertEquals("secret file " + file + ": is accessible by group or others (permissions " + permissions
                + "); expected rw------- : run chmod 600 " + file, e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void missingEmptyOversizedAndNonUtf8FilesAreRefusedPrecisely() throws Exception {
        Path missing = dir.resolve("nope.secret");
        assertEquals("secret file " + missing + ": does not exist",
                assertThrows(SecretFileException.class, () -> SecretFiles.readSecret(missing)).getMessage());
        assertTrue(message(secret(" \n", "rw-------")).endsWith(": is empty; expected the password on the first line"));
        assertTrue(message(secret("x".repeat(5000), "rw-------")).contains("is larger than 4096 bytes"));
        Path latin1 = dir.resolve("latin1.secret");
        Files.write(latin1, new byte[] {'p', (byte) 0xE9, 'x'});
        Files.setPosixFilePermissions(latin1, PosixFilePermissions.fromString("rw-------"));
        assertTrue(message(latin1).endsWith(": is not valid UTF-8 text"));
        assertTrue(message(dir).endsWith(": is not a regular file"));
    }

    @Test
    void writtenSecretIsOwnerOnlyReplacesALooseFileAndReadsBack() throws Exception {
        Path file = secret("old\n", "rw-r--r--");
        SecretFiles.writeSecret(file, "n3w-密码".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals("n3w-密码".toCharArray(), SecretFiles.readSecret(file));
        assertEquals(List.of(file), listDir(), "no temporary file is left behind");
        assertThrows(SecretFileException.class, () -> SecretFiles.writeSecret(file, new char[0]));
    }

    private List<Path> listDir() throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String message(Path file) {
        return assertThrows(SecretFileException.class, () -> SecretFiles.readSecret(file)).getMessage();
    }

    private Path secret(String content, String permissions) throws Exception {
        Path file = Files.createTempFile(dir, "broker", ".secret");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
