package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class FileTypesTest {

    @Test
    void lettersArePdfJpegOrPngOnly() throws IOException {
        assertEquals(FileTypes.PDF, FileTypes.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileTypes.PNG, FileTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals(FileTypes.JPEG, FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertNull(FileTypes.detect(workbook()), "a workbook is no letter");
        assertNull(FileTypes.detect(new byte[0]));
    }

    @Test
    void attachmentsAlsoTakeRealWorkbooksAndDocuments() throws IOException {
        assertEquals(FileTypes.XLSX, FileTypes.detectAttachment(workbook()));
        assertEquals(FileTypes.DOCX, FileTypes.detectAttachment(zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(FileTypes.PDF, FileTypes.detectAttachment("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void attachmentsRefuseMacrosArchivesAndPretenders() throws IOException {
        assertNull(FileTypes.detectAttachment(zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin")), "macros");
        assertNull(FileTypes.detectAttachment(zip("readme.txt", "program.exe")), "any other archive");
        assertNull(FileTypes.detectAttachment(zip("xl/workbook.xml")), "no content types: not an Office package");
        assertNull(FileTypes.detectAttachment(new byte[] {'P', 'K', 3, 4, 1, 2, 3}), "a broken archive");
        assertNull(FileTypes.detectAttachment("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)), "a program");
    }

    @Test
    void namesAreMadeSafeAndDefaulted() {
        assertEquals("справка_2026.pdf", FileTypes.safeName("справка/2026.pdf", "x.pdf"));
        assertEquals("x.pdf", FileTypes.safeName("  ", "x.pdf"));
        assertEquals(200, FileTypes.safeName("a".repeat(300) + ".pdf", "x").length());
        assertEquals(".pdf", FileTypes.safeName("a".repeat(300) + ".pdf", "x").substring(196), "the extension is kept");
    }

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Лист").createRow(0).createCell(0).setCellValue(1);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
