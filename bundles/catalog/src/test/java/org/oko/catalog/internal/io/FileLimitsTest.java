package org.oko.catalog.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oko.catalog.api.CatalogException;

/** Files refused as a whole: too large, empty, unreadable. */
class FileLimitsTest {

    /** Produces {@code size} bytes of CSV-looking text without holding them. */
    private static final class LargeStream extends InputStream {

        private final long size;
        private long position;

        LargeStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? "a;b\n".charAt((int) (position++ % 4)) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) "a;b\n".charAt((int) (position++ % 4));
            }
            return count;
        }

        long position() {
            return position;
        }
    }

    private static CatalogException refused(CatalogFileReader reader, InputStream in) {
        return assertThrows(CatalogException.class, () -> reader.read("школы.csv", in));
    }

    @Test
    void refuses50MegabytesAtTheDefaultLimitSayingTheLimit() {
        LargeStream stream = new LargeStream(50L * 1024 * 1024);

        CatalogException e = refused(new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES), stream);

        assertEquals(CatalogException.Reason.INVALID, e.reason());
        assertEquals("Файл «школы.csv» больше допустимого: 50 МБ при пределе 20 МБ", e.text().ru()); // the user's Russian text
    }

    @Test
    void stopsCountingFarPastTheLimit() {
        LargeStream endless = new LargeStream(Long.MAX_VALUE);

        CatalogException e = refused(new CatalogFileReader(1024 * 1024), endless);

        assertEquals("Файл «школы.csv» больше допустимого: более 4 МБ при пределе 1 МБ", e.text().ru()); // the user's Russian text
        assertTrue(endless.position() < 5L * 1024 * 1024, "read " + endless.position());
    }

    @Test
    void smallLimitCountsExactly() {
        String text = TestFiles.HEADER + "\n1;;Школа;01;;;;;;;\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        CatalogException e = refused(new CatalogFileReader(bytes.length - 1), new ByteArrayInputStream(bytes));

        assertEquals("Файл «школы.csv» больше допустимого: " + bytes.length + " байт при пределе "
                + (bytes.length - 1) + " байт", e.text().ru()); // the user's Russian text
    }

    @Test
    void fileOfExactlyTheLimitIsRead() throws Exception {
        byte[] bytes = (TestFiles.HEADER + "\n1;;Школа;01;;;;;;;\n").getBytes(StandardCharsets.UTF_8);

        ParsedFile file = new CatalogFileReader(bytes.length).read("школы.csv", new ByteArrayInputStream(bytes));

        assertEquals(1, file.rows().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\n\r\n  \n", ";;;\n;;\n"})
    void refusesEmptyFiles(String text) {
        CatalogException e = refused(new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertEquals(CatalogException.Reason.INVALID, e.reason());
        assertEquals("Файл «школы.csv» пуст", e.text().ru()); // the user's Russian text
    }

    @Test
    void refusesHeaderOnlyFile() {
        CatalogException e = refused(new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES),
                new ByteArrayInputStream((TestFiles.HEADER + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));

        assertEquals("Файл «школы.csv» пуст: в нём есть заголовок, но нет ни одной строки с данными", e.text().ru()); // the user's Russian text
    }

    @Test
    void refusesHeaderOnlyWorkbook() {
        byte[] xlsx = TestFiles.xlsx(new Object[] {"Код ОО", "Полное наименование", "Код территории"});

        CatalogException e = refused(new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES),
                new ByteArrayInputStream(xlsx));

        assertTrue(e.getMessage().contains("нет ни одной строки с данными"), e.getMessage());
    }

    @Test
    void refusesDamagedWorkbook() {
        byte[] bytes = "PK\u0003\u0004 это не книга Excel".getBytes(StandardCharsets.UTF_8);

        CatalogException e = refused(new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES),
                new ByteArrayInputStream(bytes));

        assertEquals(CatalogException.Reason.INVALID, e.reason());
        assertEquals("Файл «школы.csv» не удалось прочитать как книгу Excel (XLSX): файл повреждён или это не XLSX",
                e.text().ru()); // the user's Russian text
    }

    @Test
    void refusesLegacyExcel() {
        byte[] bytes = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        CatalogException e = refused(new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES),
                new ByteArrayInputStream(bytes));

        assertTrue(e.getMessage().contains("XLS"), e.getMessage());
    }

    @Test
    void sizesReadInTheUsersUnit() {
        assertEquals("20 МБ", CatalogFileReader.size(CatalogFileReader.DEFAULT_MAX_BYTES));
        assertEquals("20,5 МБ", CatalogFileReader.size(21L * 1024 * 1024 - 512 * 1024));
        assertEquals("2 КБ", CatalogFileReader.size(1025));
        assertEquals("100 байт", CatalogFileReader.size(100));
    }
}
