// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"

#include <algorithm>

namespace Source::FileImport {

QChar CsvReader::detectDelimiter(const QString &text)
{
    int semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (QChar ch : text) {
        if (ch == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')))
            break;
        else if (!quoted && ch == QLatin1Char(';'))
            ++semicolons;
        else if (!quoted && ch == QLatin1Char(','))
            ++commas;
        else if (!quoted && ch == QLatin1Char('\t'))
            ++tabs;
    }
    if (tabs > semicolons && tabs > commas)
        return QLatin1Char('\t');
    return semicolons >= commas && semicolons > 0 ? QLatin1Char(';') : QLatin1Char(',');
}

CsvReader::Table CsvReader::parse(const QString &text, QChar delimiter)
{
    Table table;
    table.delimiter = delimiter.isNull() ? detectDelimiter(text) : delimiter;
    QList<Record> rows;
    Record current { 1, {} };
    QString cell;
    bool quoted = false;
    bool cellWasQuoted = false;
    int line = 1;
    auto endCell = [&] {
        current.cells << (cellWasQuoted ? cell : cell.trimmed());
        cell.clear();
        cellWasQuoted = false;
    };
    auto endRecord = [&] {
        endCell();
        const bool blank = std::all_of(current.cells.begin(), current.cells.end(),
                                       [](const QString &c) { return c.isEmpty(); });
        if (!blank)
            rows << current;
        current = Record { line, {} };
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (ch == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
                continue; // a line break inside a field is kept as "\n", whatever the file used
            } else {
                if (ch == QLatin1Char('\n'))
                    ++line;
                cell += ch;
            }
            continue;
        }
        if (ch == QLatin1Char('"') && cell.trimmed().isEmpty()) {
            quoted = true;
            cellWasQuoted = true;
            cell.clear();
        } else if (ch == table.delimiter) {
            endCell();
        } else if (ch == QLatin1Char('\r')) {
            continue;
        } else if (ch == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else {
            cell += ch;
        }
    }
    if (quoted)
        table.errors.append({ current.line, QStringLiteral("A quoted field is not closed") });
    else if (!cell.isEmpty() || !current.cells.isEmpty())
        endRecord();
    if (rows.isEmpty())
        return table;
    table.header = rows.takeFirst().cells;
    for (const Record &record : rows) {
        if (record.cells.size() > table.header.size()) {
            table.errors.append({ record.line,
                                  QStringLiteral("%1 cells, but the header has %2")
                                      .arg(record.cells.size())
                                      .arg(table.header.size()) });
            continue;
        }
        table.records << record;
    }
    return table;
}

} // namespace Source::FileImport
