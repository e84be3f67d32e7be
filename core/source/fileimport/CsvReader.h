// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace Source::FileImport {

/** A problem at a line of the input file (1-based), or at an item of a JSON array (line = index + 1). */
struct LineError
{
    int line = 0;
    QString message;
    bool operator==(const LineError &) const = default;
};

/**
 * RFC 4180 CSV as spreadsheets write it: quoted fields with "" escapes and line breaks inside quotes,
 * CRLF or LF, a header row. The delimiter is ';' (Russian Excel) or ',' — detected from the header.
 * Pure functions.
 */
class CsvReader
{
public:
    struct Record
    {
        int line = 0; ///< where the record starts
        QStringList cells;
    };
    struct Table
    {
        QStringList header;
        QList<Record> records;
        QList<LineError> errors;
        QChar delimiter;
    };

    /** The delimiter used by the first line: ';', ',' or a tab, whichever occurs most outside quotes. */
    static QChar detectDelimiter(const QString &text);
    /** delimiter '\0': detect. Blank lines are skipped. */
    static Table parse(const QString &text, QChar delimiter = QChar());
};

} // namespace Source::FileImport
