module github.com/sitrep-osint/sitrep

go 1.26
