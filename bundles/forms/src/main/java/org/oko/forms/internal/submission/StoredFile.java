package org.oko.forms.internal.submission;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.FetchType;
import javax.persistence.Lob;

/** An uploaded file as stored with what it belongs to: a founder's letter or a file indicator's value. */
@Embeddable
public class StoredFile {

    @Column(name = "FILE_NAME", length = 255, nullable = false)
    private String fileName;

    @Column(name = "CONTENT_TYPE", length = 100, nullable = false)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "SHA256", length = 64, nullable = false)
    private String sha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT", nullable = false)
    private byte[] content;

    @Column(name = "UPLOADED_AT", nullable = false)
    private Timestamp uploadedAt;

    @Column(name = "UPLOADED_BY", length = 100)
    private String uploadedBy;

    protected StoredFile() {
    }

    StoredFile(String fileName, String contentType, byte[] content, String sha256, String by) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.size = content.length;
        this.sha256 = sha256;
        this.uploadedAt = Timestamp.from(Now.instant());
        this.uploadedBy = by;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] content() {
        return content;
    }

    public Instant uploadedAt() {
        return uploadedAt.toInstant();
    }

    public String uploadedBy() {
        return uploadedBy;
    }
}
