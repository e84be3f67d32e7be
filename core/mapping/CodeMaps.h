// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Problem.h"
#include "common/Result.h"
#include "crm/CrmSchema.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mapping {

/** One shop delivery or payment method and the CRM's code for it. */
struct CodeRow
{
    QString shopId;
    QString shopName; ///< for people; the shop is addressed by id
    QString code; ///< the CRM's dictionary code ("courier", "bank-card")
    bool operator==(const CodeRow &) const = default;
};

/**
 * The code maps of CRMs that check an order's delivery and payment against their dictionaries
 * (RetailCRM): shop delivery id → delivery type code, shop payment id → payment type code, and which
 * shop statuses mean "paid" (the order's payment is then sent with paidPaymentStatus). Seed 002 keeps
 * these codes on the shop's own entities; here they are part of the mapping, so they are exported,
 * imported and validated with it. Statuses need no code map of their own: a RetailCRM status is the
 * stage of the status map (Crm::RetailCrm keeps every status as a stage of one pipeline).
 *
 * JSON (the "codes" object of a crmbridge.mapping v1 file; absent in older files = empty):
 *     {"delivery": [{"shop_id": "1", "shop_name": "Самовывоз", "code": "self-delivery"}],
 *      "payment": [...], "paid_statuses": ["2"], "paid_payment_status": "paid"}
 * Value type, pure lookups, any thread.
 */
struct CodeMaps
{
    QList<CodeRow> delivery;
    QList<CodeRow> payment;
    QStringList paidStatuses;
    QString paidPaymentStatus = QStringLiteral("paid");

    QString deliveryCode(const QString &shopDeliveryId) const;
    QString paymentCode(const QString &shopPaymentId) const;
    bool isPaidStatus(const QString &shopStatusId) const { return paidStatuses.contains(shopStatusId); }
    bool isEmpty() const { return delivery.isEmpty() && payment.isEmpty() && paidStatuses.isEmpty(); }

    /** Whether @p schema checks delivery and payment codes (it has their dictionaries). */
    static bool appliesTo(const Crm::CrmSchema &schema);
    /** The row id of a code row in problems and editors: "delivery:3", "payment:1". */
    static QString deliveryRowId(const QString &shopId);
    static QString paymentRowId(const QString &shopId);

    /** Rows without an id or a code, a shop id mapped twice. */
    QList<Problem> validateStructure() const;
    /** Every code against the CRM's dictionaries ("delivery-types", "payment-types", "payment-statuses");
     *  a CRM without them (amoCRM) only gets a warning that the codes are not used. */
    QList<Problem> validate(const Crm::CrmSchema &schema) const;

    QJsonObject toJson() const;
    static Common::Result<CodeMaps> fromJson(const QJsonObject &json);
    bool operator==(const CodeMaps &) const = default;
};

} // namespace Mapping
