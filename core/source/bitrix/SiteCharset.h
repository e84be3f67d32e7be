// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "source/ShopDb.h"

#include <QString>

namespace Source::Bitrix {

/**
 * How the text in a Bitrix site's tables is to be read. Mostly as the server reports it: MariaDB
 * converts utf8mb4 and cp1251 columns to the connection's utf8mb4. But old sites on MySQL often
 * declare their tables `latin1` while the bytes are really cp1251 (or UTF-8): the site wrote them
 * through a latin1 connection. The server then "converts" each byte as a latin1 character, and the
 * reader sees «Èâàí» for «Иван». Such text is repaired here: each character goes back to its latin1
 * byte (MySQL's latin1 is cp1252 with the five unassigned bytes kept) and the bytes are decoded as
 * the site's real character set.
 *
 * Which one a site is: the source's config `charset` ("auto", "cp1251-in-latin1", "utf8-in-latin1",
 * "as-declared"); "auto" takes a latin1 table's real character set from the site's own setting
 * (`b_culture.CHARSET` of its language, or the older `b_lang.CHARSET`), else from the bytes of the
 * buyers' order properties. Value type; pure functions and one probe on the source's thread.
 */
class SiteCharset
{
public:
    enum class Stored {
        AsDeclared, ///< the server's conversion is right
        Cp1251InLatin1,
        Utf8InLatin1,
    };

    /** "auto" (nullopt), "cp1251-in-latin1", "utf8-in-latin1", "as-declared"; an error for others. */
    static Common::Result<std::optional<Stored>> parse(const QString &name);
    static QString name(Stored stored);

    /** What the site's text really is, for tables declared @p declared ("latin1", "cp1251" …). */
    static Common::Result<Stored> detect(ShopDb &db, const QString &declared, const QString &site);

    /** @p text as read from a column, repaired; text that cannot have come from latin1 is kept. */
    static QString repair(const QString &text, Stored stored);

private:
    /** The latin1 bytes the server converted into @p text; false when it was not latin1. */
    static bool latin1Bytes(const QString &text, QByteArray *bytes);
    static Common::Result<QString> siteCharset(ShopDb &db, const QString &site);
};

} // namespace Source::Bitrix
