// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: Source::FileImport::CsvReader (orders imported from a spreadsheet's CSV). Invariants:
// it ends, records come in line order, and no record starts past the input's last line.
#include "FuzzCheck.h"
#include "source/fileimport/CsvReader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype lines = text.count(QLatin1Char('\n')) + text.count(QLatin1Char('\r')) + 1;
    for (const QChar delimiter : { QChar(), QChar(QLatin1Char(';')), QChar(QLatin1Char(',')) }) {
        const auto table = Source::FileImport::CsvReader::parse(text, delimiter);
        int previous = 0;
        for (const auto &record : table.records) {
            FUZZ_CHECK(record.line > previous && record.line <= lines);
            previous = record.line;
        }
    }
    return 0;
}
