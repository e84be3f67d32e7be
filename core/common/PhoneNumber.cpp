// SPDX-License-Identifier: GPL-3.0-or-later
#include "PhoneNumber.h"

#include <QRegularExpression>
#include <phonenumbers/phonenumberutil.h>
#include <string>

namespace Common {

using i18n::phonenumbers::PhoneNumberUtil;

Result<QString> PhoneNumber::toE164(const QString &text, const QString &region)
{
    const QString trimmed = text.trimmed();
    auto garbage = [&trimmed]() {
        return Error::invalidInput(QStringLiteral("\"%1\" is not a phone number").arg(trimmed),
                                   QStringLiteral("phone"));
    };
    // libphonenumber reads letters as a vanity number ("8-800-FLOWERS"); a typed name or a note
    // in the phone box is garbage to us, so text with more letters than a "доб."/"ext" is refused.
    static const QRegularExpression kLetters(QStringLiteral("\\p{L}"));
    static const QRegularExpression kExtension(QStringLiteral("(доб|ext|x)\\.?\\s*\\d+\\s*$"),
                                               QRegularExpression::CaseInsensitiveOption);
    QString withoutExtension = trimmed;
    withoutExtension.remove(kExtension);
    if (trimmed.isEmpty() || withoutExtension.contains(kLetters))
        return garbage();

    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    const std::string regionCode = region.isEmpty() ? std::string("ZZ") : region.toUpper().toStdString();
    if (util->Parse(trimmed.toStdString(), regionCode, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return garbage();
    if (!util->IsValidNumber(number))
        return garbage();
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

QString normaliseEmail(const QString &text)
{
    // Deliberately loose: one "@", something before it, a dotted domain after it, no spaces.
    static const QRegularExpression kEmail(QStringLiteral("^[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;.]+$"));
    QString email = text.trimmed().toLower();
    if (email.startsWith(QLatin1String("mailto:")))
        email = email.mid(7);
    if (!kEmail.match(email).hasMatch())
        return {};
    return email;
}

} // namespace Common
