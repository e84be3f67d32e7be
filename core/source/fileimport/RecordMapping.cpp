// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordMapping.h"

#include "common/PhoneNumber.h"

#include <QLocale>

namespace Source::FileImport {

using Common::Error;
using Common::Result;

namespace {

struct Synonyms
{
    const char *target;
    const char *names; // '|'-separated, lower case
};

const Synonyms kSynonyms[] = {
    { "order.id", "order_id|id заказа|ид заказа" },
    { "order.number", "number|num|order number|номер|номер заказа|№|№ заказа" },
    { "order.created_at", "date|created|createdon|created_at|дата|дата заказа|дата создания" },
    { "order.status", "status|статус|статус заказа" },
    { "order.cost", "cost|total|sum|amount|сумма|итого|стоимость|сумма заказа" },
    { "order.delivery_cost", "delivery_cost|стоимость доставки" },
    { "order.delivery", "delivery|доставка|способ доставки" },
    { "order.payment", "payment|оплата|способ оплаты" },
    { "order.comment", "comment|комментарий|примечание" },
    { "order.products", "products|items|товары|состав заказа" },
    { "customer.id", "customer_id|user_id|id клиента|id покупателя" },
    { "customer.name", "name|fio|fullname|customer|имя|фио|покупатель|клиент|получатель|контакт" },
    { "customer.phone", "phone|tel|telephone|mobile|телефон|мобильный|мобильный телефон" },
    { "customer.email", "email|e-mail|mail|почта|эл. почта|электронная почта" },
    { "address.city", "city|город" },
    { "address.index", "index|zip|postcode|индекс" },
    { "address.text", "address|адрес|адрес доставки" },
    { "utm_source", "utm_source" },
    { "utm_medium", "utm_medium" },
    { "utm_campaign", "utm_campaign" },
    { "utm_content", "utm_content" },
    { "utm_term", "utm_term" },
};

QString targetFor(RecordMapping::Kind kind, const QString &column)
{
    const QString lower = column.trimmed().toLower();
    // A bare "id" is the order's id in an order file and the customer's in a customer file.
    if (lower == QLatin1String("id") || lower == QLatin1String("ид") || lower == QLatin1String("код"))
        return kind == RecordMapping::Kind::Orders ? QStringLiteral("order.id")
                                                   : QStringLiteral("customer.id");
    for (const Synonyms &synonyms : kSynonyms) {
        const QStringList names = QString::fromUtf8(synonyms.names).split(QLatin1Char('|'));
        if (names.contains(lower))
            return QLatin1String(synonyms.target);
    }
    return {};
}

} // namespace

const QStringList &RecordMapping::targets()
{
    static const QStringList s_targets = [] {
        QStringList list;
        for (const Synonyms &synonyms : kSynonyms)
            list << QLatin1String(synonyms.target);
        return list;
    }();
    return s_targets;
}

Result<RecordMapping> RecordMapping::build(Kind kind, const QStringList &header,
                                           const QMap<QString, QString> &overrides)
{
    RecordMapping mapping;
    mapping.m_kind = kind;
    mapping.m_header = header;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (!targets().contains(it.value()))
            return Error::invalidInput(
                QStringLiteral("Unknown field \"%1\" for the column \"%2\"; known fields: %3")
                    .arg(it.value(), it.key(), targets().join(QStringLiteral(", "))));
    }
    for (const QString &column : header) {
        QString target = targetFor(kind, column);
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            if (it.key().compare(column.trimmed(), Qt::CaseInsensitive) == 0)
                target = it.value();
        }
        mapping.m_targets << target;
    }
    return mapping;
}

QStringList RecordMapping::unmappedColumns() const
{
    QStringList columns;
    for (qsizetype i = 0; i < m_header.size(); ++i) {
        if (m_targets[i].isEmpty() && !m_header[i].trimmed().isEmpty())
            columns << m_header[i];
    }
    return columns;
}

Result<double> RecordMapping::parseNumber(const QString &text)
{
    QString clean = text.trimmed();
    clean.remove(QLatin1Char(' '));
    clean.remove(QChar(0x00A0));
    clean.remove(QStringLiteral("₽"));
    clean.remove(QStringLiteral("руб."));
    clean.replace(QLatin1Char(','), QLatin1Char('.'));
    if (clean.isEmpty())
        return 0.0;
    bool ok = false;
    const double value = clean.toDouble(&ok);
    if (!ok)
        return Error::invalidInput(QStringLiteral("\"%1\" is not a number").arg(text));
    return value;
}

QDateTime RecordMapping::parseDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    for (const char *format : { "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy",
                                "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd" }) {
        QDateTime at = QDateTime::fromString(trimmed, QLatin1String(format));
        if (at.isValid())
            return at;
    }
    return QDateTime::fromString(trimmed, Qt::ISODate);
}

Result<Model::ShopOrder> RecordMapping::toOrder(const QStringList &cells) const
{
    Model::ShopOrder order;
    order.context = QStringLiteral("import");
    for (qsizetype i = 0; i < m_targets.size() && i < cells.size(); ++i) {
        const QString &target = m_targets[i];
        const QString value = cells[i].trimmed();
        if (value.isEmpty())
            continue;
        if (target == QLatin1String("order.id")) {
            order.id = value;
        } else if (target == QLatin1String("order.number")) {
            order.number = value;
        } else if (target == QLatin1String("order.created_at")) {
            order.createdAt = parseDate(value);
            if (!order.createdAt.isValid())
                return Error::invalidInput(
                    QStringLiteral("\"%1\" is not a date (use 31.12.2023 or 2023-12-31)").arg(value));
        } else if (target == QLatin1String("order.status")) {
            order.statusName = value;
        } else if (target == QLatin1String("order.cost") || target == QLatin1String("order.delivery_cost")) {
            auto number = parseNumber(value);
            if (!number)
                return Error::invalidInput(QStringLiteral("%1: %2").arg(m_header[i], number.error().message));
            (target == QLatin1String("order.cost") ? order.cost : order.deliveryCost) = number.value();
        } else if (target == QLatin1String("order.delivery")) {
            order.deliveryName = value;
        } else if (target == QLatin1String("order.payment")) {
            order.paymentName = value;
        } else if (target == QLatin1String("order.comment")) {
            order.comment = value;
        } else if (target == QLatin1String("order.products")) {
            order.properties.insert(QStringLiteral("products"), value);
        } else if (target == QLatin1String("customer.id")) {
            order.customer.id = value;
        } else if (target == QLatin1String("customer.name")) {
            order.customer.name = value;
        } else if (target == QLatin1String("customer.phone")) {
            order.customer.phone = value;
        } else if (target == QLatin1String("customer.email")) {
            order.customer.email = value;
        } else if (target == QLatin1String("address.city")) {
            order.address.city = value;
        } else if (target == QLatin1String("address.index")) {
            order.address.index = value;
        } else if (target == QLatin1String("address.text")) {
            order.address.text = value;
        } else if (target.startsWith(QLatin1String("utm_"))) {
            order.utm.insert(target, value);
        } else {
            order.properties.insert(m_header[i].trimmed(), value);
        }
    }
    if (order.id.isEmpty())
        order.id = order.number;
    if (order.id.isEmpty())
        return Error::invalidInput(QStringLiteral("The row has no order id or number"));
    if (order.cartCost == 0 && order.cost > 0)
        order.cartCost = order.cost - order.deliveryCost;
    return order;
}

Result<Model::Customer> RecordMapping::toCustomer(const QStringList &cells) const
{
    Model::Customer customer;
    for (qsizetype i = 0; i < m_targets.size() && i < cells.size(); ++i) {
        const QString &target = m_targets[i];
        const QString value = cells[i].trimmed();
        if (value.isEmpty())
            continue;
        if (target == QLatin1String("customer.id") || target == QLatin1String("order.id"))
            customer.id = value;
        else if (target == QLatin1String("customer.name"))
            customer.name = value;
        else if (target == QLatin1String("customer.phone"))
            customer.phone = value;
        else if (target == QLatin1String("customer.email"))
            customer.email = value;
        else if (target == QLatin1String("address.city"))
            customer.extra.insert(QStringLiteral("city"), value);
        else
            customer.extra.insert(m_header[i].trimmed(), value);
    }
    if (customer.id.isEmpty()) {
        // Without an id a customer is known by its phone, else its email.
        auto phone = Common::PhoneNumber::toE164(customer.phone);
        customer.id = phone ? phone.value() : Common::normaliseEmail(customer.email);
    }
    if (customer.id.isEmpty())
        return Error::invalidInput(QStringLiteral("The row has no customer id, valid phone or email"));
    return customer;
}

} // namespace Source::FileImport
