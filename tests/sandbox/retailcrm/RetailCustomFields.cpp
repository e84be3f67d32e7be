// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCustomFields.h"

#include "RetailStore.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

namespace Sandbox::RetailCrm {

namespace RetailCustomFields {

namespace {

const QString kBlank = QStringLiteral("This value should not be blank.");

/** The value as the field's type stores it, or undefined when it does not fit the type. */
QJsonValue normalised(const QString &type, const QJsonValue &v)
{
    const QString text = v.isString() ? v.toString().trimmed() : QString();
    if (type == QLatin1String("integer")) {
        if (v.isDouble() && v.toDouble() == double(qint64(v.toDouble())))
            return qint64(v.toDouble());
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        return ok ? QJsonValue(n) : QJsonValue(QJsonValue::Undefined);
    }
    if (type == QLatin1String("numeric")) {
        if (v.isDouble())
            return v;
        bool ok = false;
        const double n = QString(text).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        return ok ? QJsonValue(n) : QJsonValue(QJsonValue::Undefined);
    }
    if (type == QLatin1String("boolean")) {
        if (v.isBool())
            return v;
        if (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1))
            return v.toDouble() == 1;
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("0"))
            return false;
        return QJsonValue::Undefined;
    }
    if (type == QLatin1String("date")) {
        const QDate d = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
        return d.isValid() ? QJsonValue(text) : QJsonValue(QJsonValue::Undefined);
    }
    if (type == QLatin1String("email")) {
        const bool ok = text.contains(QLatin1Char('@')) && !text.startsWith(QLatin1Char('@'))
            && !text.endsWith(QLatin1Char('@'));
        return ok ? QJsonValue(text) : QJsonValue(QJsonValue::Undefined);
    }
    if (type == QLatin1String("multiselect_dictionary")) {
        if (v.isArray())
            return v;
        return v.isString() ? QJsonValue(QJsonArray { v }) : QJsonValue(QJsonValue::Undefined);
    }
    // string, text, dictionary: any scalar, kept as text.
    if (v.isString())
        return v;
    if (v.isDouble() || v.isBool())
        return v.toVariant().toString();
    return QJsonValue::Undefined;
}

QString typeError(const QString &type)
{
    if (type == QLatin1String("date"))
        return QStringLiteral("This value is not a valid date.");
    if (type == QLatin1String("email"))
        return QStringLiteral("This value is not a valid email address.");
    return QStringLiteral("This value should be of type %1.").arg(type);
}

void copyOptions(QJsonObject &field, const QJsonObject &input)
{
    for (const char *key : { "name", "required", "inFilter", "inList", "inGroupActions", "default",
                             "ordering", "displayArea", "viewMode" }) {
        if (input.contains(QLatin1String(key)))
            field.insert(QLatin1String(key), input.value(QLatin1String(key)));
    }
}

} // namespace

QStringList entities()
{
    return { QStringLiteral("order"), QStringLiteral("customer") };
}

QStringList types()
{
    return { "string",  "text",       "integer",
             "numeric", "boolean",    "date",
             "email",   "dictionary", "multiselect_dictionary" };
}

QJsonObject create(RetailStore &store, const QString &entity, const QJsonObject &input, QJsonObject *errors)
{
    static const QRegularExpression codePattern(QStringLiteral("^[a-zA-Z0-9_-]{1,50}$"));
    const QString name = input.value("name").toString().trimmed();
    const QString code = input.value("code").toString();
    const QString type = input.value("type").toString();
    if (name.isEmpty())
        errors->insert("name", kBlank);
    if (code.isEmpty())
        errors->insert("code", kBlank);
    else if (!codePattern.match(code).hasMatch())
        errors->insert("code",
                       QStringLiteral("The code may only contain latin letters, digits, \"_\" and \"-\"."));
    else if (store.customFields.value(entity).contains(code))
        errors->insert("code", QStringLiteral("Field with code \"%1\" already exists.").arg(code));
    if (type.isEmpty())
        errors->insert("type", kBlank);
    else if (!types().contains(type))
        errors->insert("type", QStringLiteral("The value you selected is not a valid choice."));
    if (!errors->isEmpty())
        return {};
    QJsonObject field { { "name", name },          { "code", code },
                        { "required", false },     { "inFilter", true },
                        { "inList", true },        { "inGroupActions", false },
                        { "type", type },          { "entity", entity },
                        { "ordering", 50 },        { "displayArea", "customer" },
                        { "viewMode", "editable" } };
    copyOptions(field, input);
    field.insert("name", name);
    store.customFields[entity].insert(code, field);
    return field;
}

QJsonObject edit(RetailStore &store, const QString &entity, const QString &code, const QJsonObject &input)
{
    auto fields = store.customFields.find(entity);
    if (fields == store.customFields.end() || !fields->contains(code))
        return {};
    QJsonObject &field = (*fields)[code];
    copyOptions(field, input);
    return field;
}

bool merge(const RetailStore &store, const QString &entity, QJsonObject &values, const QJsonObject &given,
           QJsonObject *errors)
{
    const QMap<QString, QJsonObject> defined = store.customFields.value(entity);
    QJsonObject next = values;
    bool ok = true;
    for (auto it = given.begin(); it != given.end(); ++it) {
        // RetailCRM keeps values only for fields the entity has; others are left out silently.
        if (!defined.contains(it.key()))
            continue;
        if (it.value().isNull() || (it.value().isString() && it.value().toString().isEmpty())) {
            next.remove(it.key());
            continue;
        }
        const QString type = defined.value(it.key()).value("type").toString();
        const QJsonValue value = normalised(type, it.value());
        if (value.isUndefined()) {
            errors->insert(QStringLiteral("customFields.") + it.key(), typeError(type));
            ok = false;
            continue;
        }
        next.insert(it.key(), value);
    }
    if (ok)
        values = next;
    return ok;
}

} // namespace RetailCustomFields

} // namespace Sandbox::RetailCrm
