// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "model/Customer.h"
#include "model/ShopOrder.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace Source::FileImport {

/**
 * Which column of an imported file is which of our fields. Column names are matched without case
 * against Russian and English synonyms ("Телефон", "phone" → customer.phone; "Номер заказа", "num" →
 * order.number …); explicit overrides ("Колонка=customer.phone") win. Columns that match nothing are
 * kept as order properties / customer extras under their own names. Value type; pure.
 *
 * Targets: order.id, order.number, order.created_at, order.status, order.cost, order.delivery_cost,
 * order.delivery, order.payment, order.comment, order.products, customer.id, customer.name,
 * customer.phone, customer.email, address.city, address.index, address.text, utm_source … utm_term.
 */
class RecordMapping
{
public:
    enum class Kind { Orders, Customers };

    static const QStringList &targets();
    /** overrides: column name → target; InvalidInput for an unknown target. */
    static Common::Result<RecordMapping> build(Kind kind, const QStringList &header,
                                               const QMap<QString, QString> &overrides = {});

    /** The target of each column ("" for an unmapped one). */
    const QStringList &columnTargets() const { return m_targets; }
    QStringList unmappedColumns() const;

    /** One row → an order; InvalidInput with a message for a bad row (no id, a bad number or date). */
    Common::Result<Model::ShopOrder> toOrder(const QStringList &cells) const;
    Common::Result<Model::Customer> toCustomer(const QStringList &cells) const;

    static Common::Result<double> parseNumber(const QString &text);
    static QDateTime parseDate(const QString &text);

private:
    Kind m_kind = Kind::Orders;
    QStringList m_header;
    QStringList m_targets;
};

} // namespace Source::FileImport
