// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteCharset.h"

#include "BitrixLog.h"
#include "source/fileimport/TextDecoding.h"

#include <QStringDecoder>

namespace Source::Bitrix {

using Common::Error;
using Common::Result;

namespace {
// MySQL's latin1 bytes 0x80–0x9F as the server converts them (cp1252; 0x81, 0x8D, 0x8F, 0x90 and
// 0x9D, unassigned there, become U+0081 … themselves).
const char16_t kLatin1High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

bool isAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(bytes);
    return !decoder.hasError() && !decoded.isNull();
}
} // namespace

Result<std::optional<SiteCharset::Stored>> SiteCharset::parse(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("auto"))
        return std::optional<Stored>();
    for (Stored stored : { Stored::AsDeclared, Stored::Cp1251InLatin1, Stored::Utf8InLatin1 }) {
        if (n == SiteCharset::name(stored))
            return std::optional<Stored>(stored);
    }
    return Error::invalidInput(
        QStringLiteral("charset is \"auto\", \"cp1251-in-latin1\", \"utf8-in-latin1\" or "
                       "\"as-declared\", not \"%1\"")
            .arg(name));
}

QString SiteCharset::name(Stored stored)
{
    switch (stored) {
    case Stored::Cp1251InLatin1:
        return QStringLiteral("cp1251-in-latin1");
    case Stored::Utf8InLatin1:
        return QStringLiteral("utf8-in-latin1");
    case Stored::AsDeclared:
        break;
    }
    return QStringLiteral("as-declared");
}

bool SiteCharset::latin1Bytes(const QString &text, QByteArray *bytes)
{
    bytes->clear();
    bytes->reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80 || (u >= 0xA0 && u <= 0xFF)) {
            bytes->append(char(u));
            continue;
        }
        const char16_t *found = std::find(std::begin(kLatin1High), std::end(kLatin1High), u);
        if (found == std::end(kLatin1High))
            return false;
        bytes->append(char(0x80 + (found - std::begin(kLatin1High))));
    }
    return true;
}

QString SiteCharset::repair(const QString &text, Stored stored)
{
    if (stored == Stored::AsDeclared || isAscii(text))
        return text;
    QByteArray bytes;
    if (!latin1Bytes(text, &bytes))
        return text;
    if (stored == Stored::Cp1251InLatin1)
        return FileImport::TextDecoding::fromWindows1251(bytes);
    return isUtf8(bytes) ? QString::fromUtf8(bytes) : text;
}

Result<QString> SiteCharset::siteCharset(ShopDb &db, const QString &site)
{
    // Bitrix 11+: the site's language has a culture, which has the charset; older: the language has it.
    const QString where = site.isEmpty() ? QStringLiteral("l.DEF = 'Y'") : QStringLiteral("l.LID = ?");
    const QVariantList binds = site.isEmpty() ? QVariantList() : QVariantList { site };
    for (const QString &sql :
         { QStringLiteral("SELECT c.CHARSET FROM %1 l JOIN %2 c ON c.ID = l.CULTURE_ID WHERE %3")
               .arg(db.table("lang"), db.table("culture"), where),
           QStringLiteral("SELECT l.CHARSET FROM %1 l WHERE %2").arg(db.table("lang"), where) }) {
        auto charset = db.scalar(sql, binds);
        if (charset && charset->isValid() && !charset->toString().trimmed().isEmpty())
            return charset->toString().trimmed().toLower();
    }
    return QString();
}

Result<SiteCharset::Stored> SiteCharset::detect(ShopDb &db, const QString &declared, const QString &site)
{
    if (db.isSqlite() || !declared.startsWith(QLatin1String("latin1")))
        return Stored::AsDeclared;
    auto charset = siteCharset(db, site);
    if (!charset)
        return charset.error();
    if (charset->contains(QLatin1String("1251")))
        return Stored::Cp1251InLatin1;
    if (charset->contains(QLatin1String("utf")))
        return Stored::Utf8InLatin1;
    // No setting to go by: the buyers' names and addresses say which.
    auto values = db.exec(QStringLiteral("SELECT VALUE FROM %1 WHERE VALUE <> '' ORDER BY ID DESC LIMIT 500")
                              .arg(db.table("sale_order_props_value")));
    if (!values)
        return values.error();
    int utf8 = 0, single = 0;
    while (values->next()) {
        QByteArray bytes;
        const QString text = values->value(0).toString();
        if (isAscii(text) || !latin1Bytes(text, &bytes))
            continue;
        ++(isUtf8(bytes) ? utf8 : single);
    }
    if (utf8 == 0 && single == 0)
        return Stored::AsDeclared;
    qCInfo(lcBitrix) << "the tables are declared" << declared << "and the site names no charset:" << utf8
                     << "UTF-8 and" << single << "single-byte texts";
    return utf8 > single ? Stored::Utf8InLatin1 : Stored::Cp1251InLatin1;
}

} // namespace Source::Bitrix
