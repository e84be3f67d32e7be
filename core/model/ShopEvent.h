// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Model {

/**
 * Something that happened in a shop, as a source appends it to the outbox. The payload is the
 * serialised ShopOrder / FormSubmission / Customer / StatusChange; the idempotency key makes a second
 * append of the same happening a no-op.
 */
struct ShopEvent
{
    enum class Kind {
        OrderCreated,
        OrderChanged,
        OrderStatusChanged,
        FormSubmitted,
        CustomerSaved,
        PurchaseMade
    };

    Kind kind = Kind::OrderCreated;
    QString source; ///< the source's name, e.g. "shop"
    QString entityId; ///< order id, form submission id, user id
    QString revision; ///< distinguishes repeated events of one entity (status log id, updatedon …)
    QJsonObject payload;
    // Searchable business keys, copied into the job row.
    QString reference; ///< "2311/14" or the form name
    QString customer;
    QString phone; ///< E.164 when it could be normalised
    QString email;

    static QString kindName(Kind kind);
    static bool kindFromName(const QString &name, Kind *kind);
    /** order:<source>:<id>:created, order:<source>:<id>:status:<revision>, form:<source>:<id> … */
    QString idempotencyKey() const;
};

} // namespace Model
