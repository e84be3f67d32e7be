// SPDX-License-Identifier: GPL-3.0-or-later
#include "CodeMaps.h"

#include "MappingLog.h"

#include <QJsonArray>
#include <QSet>

namespace Mapping {

using Severity = Problem::Severity;

namespace {

const QLatin1String kArea("codes");

QString lookup(const QList<CodeRow> &rows, const QString &shopId)
{
    for (const CodeRow &row : rows) {
        if (row.shopId == shopId)
            return row.code;
    }
    return {};
}

QJsonArray rowsToJson(const QList<CodeRow> &rows)
{
    QJsonArray out;
    for (const CodeRow &r : rows)
        out.append(QJsonObject { { QStringLiteral("shop_id"), r.shopId },
                                 { QStringLiteral("shop_name"), r.shopName },
                                 { QStringLiteral("code"), r.code } });
    return out;
}

Common::Result<QList<CodeRow>> rowsFromJson(const QJsonValue &value, const QString &what)
{
    if (!value.isUndefined() && !value.isNull() && !value.isArray())
        return Common::Error::invalidInput(Text::tr("\u201c%1\u201d is not a list").arg(what));
    QList<CodeRow> rows;
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        rows.append({ o.value(QLatin1String("shop_id")).toVariant().toString(),
                      o.value(QLatin1String("shop_name")).toString(),
                      o.value(QLatin1String("code")).toString() });
    }
    return rows;
}

/** "delivery:3": the row id of a code row in problems and editors. */
QString rowId(const QString &kind, const QString &shopId)
{
    return kind + QLatin1Char(':') + shopId;
}

void checkRows(QList<Problem> &out, const QList<CodeRow> &rows, const QString &kind)
{
    QSet<QString> seen;
    for (const CodeRow &row : rows) {
        const QString id = rowId(kind, row.shopId);
        if (row.shopId.isEmpty())
            out << Problem { Severity::Error, kArea, id, QStringLiteral("no-source"),
                             kind == QLatin1String("delivery")
                                 ? Text::tr("A delivery code row has no shop delivery method")
                                 : Text::tr("A payment code row has no shop payment method") };
        else if (seen.contains(row.shopId))
            out << Problem { Severity::Error, kArea, id, QStringLiteral("duplicate-source"),
                             Text::tr("Shop method %1 is mapped twice").arg(row.shopId) };
        if (row.code.trimmed().isEmpty())
            out << Problem { Severity::Error, kArea, id, QStringLiteral("no-target"),
                             Text::tr("No CRM code is chosen for %1")
                                 .arg(row.shopName.isEmpty() ? row.shopId : row.shopName) };
        seen.insert(row.shopId);
    }
}

void checkCodes(QList<Problem> &out, const QList<CodeRow> &rows, const QString &kind,
                const Crm::CrmSchema &schema, const QString &dictionary)
{
    for (const CodeRow &row : rows) {
        if (!row.code.isEmpty() && !schema.dictionaryEntry(dictionary, row.code))
            out << Problem { Severity::Error, kArea, rowId(kind, row.shopId), QStringLiteral("code-gone"),
                             (kind == QLatin1String("delivery")
                                  ? Text::tr("The CRM has no delivery type with code \u201c%1\u201d")
                                  : Text::tr("The CRM has no payment type with code \u201c%1\u201d"))
                                 .arg(row.code) };
    }
}

} // namespace

bool CodeMaps::appliesTo(const Crm::CrmSchema &schema)
{
    return schema.dictionaries.contains(QStringLiteral("delivery-types"))
        || schema.dictionaries.contains(QStringLiteral("payment-types"));
}

QString CodeMaps::deliveryRowId(const QString &shopId)
{
    return rowId(QStringLiteral("delivery"), shopId);
}

QString CodeMaps::paymentRowId(const QString &shopId)
{
    return rowId(QStringLiteral("payment"), shopId);
}

QString CodeMaps::deliveryCode(const QString &shopDeliveryId) const
{
    return lookup(delivery, shopDeliveryId);
}

QString CodeMaps::paymentCode(const QString &shopPaymentId) const
{
    return lookup(payment, shopPaymentId);
}

QList<Problem> CodeMaps::validateStructure() const
{
    QList<Problem> out;
    checkRows(out, delivery, QStringLiteral("delivery"));
    checkRows(out, payment, QStringLiteral("payment"));
    if (!paidStatuses.isEmpty() && paidPaymentStatus.trimmed().isEmpty())
        out << Problem { Severity::Error,
                         kArea,
                         {},
                         QStringLiteral("no-target"),
                         Text::tr(
                             "Paid statuses are chosen but no CRM payment status for \u201cpaid\u201d") };
    return out;
}

QList<Problem> CodeMaps::validate(const Crm::CrmSchema &schema) const
{
    QList<Problem> out;
    if (isEmpty())
        return out;
    if (!appliesTo(schema)) {
        out << Problem { Severity::Warning,
                         kArea,
                         {},
                         QStringLiteral("codes-unused"),
                         Text::tr("This CRM has no delivery and payment codes: the code maps are not used") };
        return out;
    }
    checkCodes(out, delivery, QStringLiteral("delivery"), schema, QStringLiteral("delivery-types"));
    checkCodes(out, payment, QStringLiteral("payment"), schema, QStringLiteral("payment-types"));
    if (!paidStatuses.isEmpty() && schema.dictionaries.contains(QStringLiteral("payment-statuses"))
        && !schema.dictionaryEntry(QStringLiteral("payment-statuses"), paidPaymentStatus))
        out << Problem {
            Severity::Error,
            kArea,
            {},
            QStringLiteral("code-gone"),
            Text::tr("The CRM has no payment status with code \u201c%1\u201d").arg(paidPaymentStatus)
        };
    return out;
}

QJsonObject CodeMaps::toJson() const
{
    return { { QStringLiteral("delivery"), rowsToJson(delivery) },
             { QStringLiteral("payment"), rowsToJson(payment) },
             { QStringLiteral("paid_statuses"), QJsonArray::fromStringList(paidStatuses) },
             { QStringLiteral("paid_payment_status"), paidPaymentStatus } };
}

Common::Result<CodeMaps> CodeMaps::fromJson(const QJsonObject &json)
{
    CodeMaps maps;
    auto deliveryRows = rowsFromJson(json.value(QLatin1String("delivery")), QStringLiteral("codes.delivery"));
    if (!deliveryRows)
        return deliveryRows.error();
    maps.delivery = deliveryRows.value();
    auto paymentRows = rowsFromJson(json.value(QLatin1String("payment")), QStringLiteral("codes.payment"));
    if (!paymentRows)
        return paymentRows.error();
    maps.payment = paymentRows.value();
    for (const QJsonValue &v : json.value(QLatin1String("paid_statuses")).toArray())
        maps.paidStatuses << v.toVariant().toString();
    maps.paidPaymentStatus
        = json.value(QLatin1String("paid_payment_status")).toString(QStringLiteral("paid"));
    return maps;
}

} // namespace Mapping
