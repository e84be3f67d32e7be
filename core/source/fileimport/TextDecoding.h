// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Source::FileImport {

/**
 * Text files as Russian shops export them: UTF-8 (with or without a BOM) or Windows-1251 (Excel's
 * "CSV" on a Russian Windows). Qt 6 has no Windows-1251 codec without ICU, so the table is here.
 * Pure functions.
 */
class TextDecoding
{
public:
    enum class Encoding { Auto, Utf8, Windows1251 };

    /** "utf-8", "windows-1251"/"cp1251", "auto"; false for anything else. */
    static bool parseName(const QString &name, Encoding *encoding);
    static QString name(Encoding encoding);

    /** Valid UTF-8 is read as UTF-8, anything else as Windows-1251; used tells which. */
    static QString decode(const QByteArray &bytes, Encoding encoding, Encoding *used = nullptr);
    static QString fromWindows1251(const QByteArray &bytes);
    static QByteArray toWindows1251(const QString &text);
};

} // namespace Source::FileImport
