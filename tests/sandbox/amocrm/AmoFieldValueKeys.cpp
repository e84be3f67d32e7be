// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoFieldValueKeys.h"

#include "AmoErrors.h"

namespace Sandbox::AmoCrm::AmoFieldValueKeys {

QStringList allowed(const QString &fieldType)
{
    if (fieldType == QLatin1String("multitext") || fieldType == QLatin1String("select")
        || fieldType == QLatin1String("smart_address"))
        return { "value", "enum_id", "enum_code" };
    if (fieldType == QLatin1String("multiselect") || fieldType == QLatin1String("radiobutton")
        || fieldType == QLatin1String("category"))
        return { "value", "enum_id" };
    if (fieldType == QLatin1String("chained_list"))
        return { "catalog_id", "catalog_element_id" };
    return { "value" };
}

bool check(const QString &fieldType, const QJsonObject &value, const QString &requestId, const QString &path,
           ValidationErrors &errors)
{
    const QStringList keys = allowed(fieldType);
    // Only multitext values read back with an enum code of their own; a select's reads back as null, and
    // sending that null back is what real accounts refuse.
    const bool codeOnly = fieldType != QLatin1String("multitext");
    bool ok = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
        const bool expected = keys.contains(it.key())
            && !(codeOnly && it.key() == QLatin1String("enum_code") && !it.value().isString());
        if (!expected) {
            errors.add(requestId, QStringLiteral("FieldNotExpected"), path + QLatin1Char('.') + it.key(),
                       QStringLiteral("This field was not expected."));
            ok = false;
        }
    }
    return ok;
}

} // namespace Sandbox::AmoCrm::AmoFieldValueKeys
