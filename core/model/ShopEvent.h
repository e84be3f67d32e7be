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
    /** The entity's whole state, hashed (ShopEvent::hashOf), for events that carry it: the outbox
     *  keeps the last hash per entity and drops an OrderChanged / CustomerSaved whose content is the one
     *  it has already (a save that changed nothing). Empty: not tracked. */
    QString contentHash;
    /** Only remember contentHash, send nothing: the state an entity had when the source first saw it
     *  (a source started on a live shop learns its customers this way). */
    bool baseline = false;

    static QString kindName(Kind kind);
    static bool kindFromName(const QString &name, Kind *kind);
    /** order:<source>:<id>:created, order:<source>:<id>:status:<revision>, form:<source>:<id> … */
    QString idempotencyKey() const;
    /** What a content hash is made of: the SHA-1 of the compact JSON, in hex. */
    static QString hashOf(const QJsonObject &content);
    /** E.164 when the text is a phone number, else the trimmed text (so the operator can still search). */
    static QString phoneKey(const QString &text);
};

} // namespace Model
