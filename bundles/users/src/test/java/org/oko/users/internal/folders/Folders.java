package org.oko.users.internal.folders;

import java.time.LocalDate;
import java.util.List;

/** Test data: codes and passwords that Excel would happily turn into numbers. */
final class Folders {

    private Folders() {
    }

    static Folder sample() {
        return new Folder("640000", "Управление образования «Город N»", "uo640000", "Kf7mPq2xZr",
                LocalDate.of(2025, 9, 1), "https://oko.example.ru/",
                List.of(new SchoolCredential("012345", "МБОУ \"СОШ № 1\" <script>alert(1)</script>", "Город N",
                                "sch012345", "0123456789"),
                        new SchoolCredential("640123", "МАОУ «Лицей № 2» & К", "Посёлок М", "sch640123", "3E5"),
                        new SchoolCredential("640124", "МБОУ «Гимназия»", "Посёлок М", "sch640124", "2025-01-02")));
    }
}
