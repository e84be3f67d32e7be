// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>

namespace Common {

/**
 * Phone numbers as people type them, turned into E.164 ("+79123456789") with libphonenumber, so
 * that "8 (912) 345-67-89", "+7 912 3456789" and "79123456789" are one contact. Stateless and
 * thread-safe (libphonenumber's PhoneNumberUtil is a thread-safe singleton).
 */
class PhoneNumber
{
public:
    /**
     * E.164 of text, reading numbers without a country code as numbers of region (ISO 3166 code).
     * An InvalidInput error (code "phone") for text that is not a possible phone number.
     */
    static Result<QString> toE164(const QString &text, const QString &region = QStringLiteral("RU"));
};

/** An email address trimmed and lower-cased; empty when text does not look like one address. */
QString normaliseEmail(const QString &text);

} // namespace Common
