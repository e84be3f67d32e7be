// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CatalogEntry.h"
#include "common/Result.h"
#include "model/ShopOrder.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace Crm {

/** Whether a value may replace what a manager already has in the CRM. */
enum class UpdatePolicy {
    Always, ///< write on create and on every update
    OnlyIfEmpty, ///< write only when the CRM's field is empty
    Never ///< write on create only; never overwrite (seed 001's "readonly fields")
};
QString updatePolicyName(UpdatePolicy policy); ///< "always", "if-empty", "never"
bool updatePolicyFromName(const QString &name, UpdatePolicy *policy);

/** One value of a field: text (with an optional enum code for PHONE/EMAIL), a number, a flag or an enum id.
 */
struct FieldValue
{
    enum class Kind { Text, Number, Bool, EnumId };
    Kind kind = Kind::Text;
    QString text; ///< Text; for EnumId the enum's value text, for people
    double number = 0; ///< Number (dates are Unix seconds); Bool is 0 or 1
    QString enumId; ///< EnumId
    QString enumCode; ///< "WORK", "MOB" … next to a Text value of a PHONE/EMAIL-like field

    static FieldValue ofText(const QString &text, const QString &enumCode = {});
    static FieldValue ofNumber(double number);
    static FieldValue ofBool(bool on);
    static FieldValue ofEnum(const QString &enumId, const QString &text = {});
    QJsonObject toJson() const;
    static Common::Result<FieldValue> fromJson(const QJsonObject &json);
    bool operator==(const FieldValue &) const = default;
};

/** The values for one custom field. An empty value list means "clear the field". */
struct DraftField
{
    QString fieldId;
    QString fieldName; ///< for people (preview, log); the CRM is addressed by id
    QString fieldType;
    UpdatePolicy policy = UpdatePolicy::Always;
    QString sourcePath; ///< where the values came from
    QList<FieldValue> values;

    QJsonObject toJson() const;
    static Common::Result<DraftField> fromJson(const QJsonObject &json);
    bool operator==(const DraftField &) const = default;
};

/** A phone or an email with its kind ("WORK", "MOB", "PRIV" …). */
struct ContactChannel
{
    QString value;
    QString enumCode;
    bool operator==(const ContactChannel &) const = default;
};

struct DraftDeal
{
    QString name;
    std::optional<double> price;
    QString pipelineId;
    QString stageId;
    QString responsibleUserId;
    QStringList tags;
    QList<DraftField> fields;
    QString externalId; ///< the shop entity ("order:shop:812"), for reconciling after a crash
    /** Policies for standard fields by name: "name", "price", "responsible", "tags". Missing = Always. */
    QMap<QString, UpdatePolicy> policies;
    bool operator==(const DraftDeal &) const = default;
};

struct DraftContact
{
    QString name;
    QString firstName;
    QString lastName;
    QList<ContactChannel> phones; ///< E.164 when the mapping normalised them
    QList<ContactChannel> emails;
    QList<DraftField> fields;
    /** Policies for standard fields by name: "name", "first_name", "last_name", "phone", "email". */
    QMap<QString, UpdatePolicy> policies;
    bool isEmpty() const
    {
        return name.isEmpty() && phones.isEmpty() && emails.isEmpty() && fields.isEmpty();
    }
    bool operator==(const DraftContact &) const = default;
};

struct DraftCompany
{
    QString name;
    QList<DraftField> fields;
    bool operator==(const DraftCompany &) const = default;
};

/** A mapping row that was not applied, and why (in the operator's language). */
struct SkippedRow
{
    QString rowId;
    QString sourcePath;
    QString target; ///< "deal.price", "contact.field:123" …
    QString reason;
    bool operator==(const SkippedRow &) const = default;
};

/** How the pipeline, stage and responsible user were chosen. */
struct DraftRouting
{
    QString origin; ///< "category", "order-properties", "status-map", "default", "form"
    QString ruleId; ///< the routing rule or status row that decided, if any
    QString explanation;
    bool operator==(const DraftRouting &) const = default;
};

/**
 * The order itself, for CRMs whose deal is an order with lines (RetailCRM): what amoCRM only gets as
 * a note. Delivery and payment are already mapped to the CRM's codes (Mapping::CodeMaps); an empty
 * code means "not mapped, let the CRM choose". Filled by the DraftBuilder for every shop order.
 */
struct DraftOrder
{
    QString number; ///< the shop's order number, "2311/14"
    QString customerId; ///< the shop's user id; empty for a guest
    QDateTime createdAt;
    QList<Model::OrderLine> lines;
    QString deliveryCode;
    QString deliveryName;
    double deliveryCost = 0;
    QString paymentCode;
    QString paymentName;
    bool paid = false; ///< the shop's status is one of the "paid" statuses of the code maps
    QString paidStatusCode; ///< the CRM's payment status for paid (RetailCRM "paid")
    double discount = 0; ///< what the shop took off the cart and delivery (promo codes)
    double total = 0;
    double weight = 0;
    Model::Address address;
    QString comment;

    QJsonObject toJson() const;
    static DraftOrder fromJson(const QJsonObject &json);
    bool operator==(const DraftOrder &) const = default;
};

/**
 * The CRM-neutral thing a lane sends for one shop entity: a deal, its contact, an optional company
 * and a note, plus everything the preview shows (routing, skipped rows). Built by
 * Mapping::DraftBuilder; stored with jobs as JSON. Plain value type.
 */
struct DealDraft
{
    QString sourceKind; ///< "order" or "form"
    QString sourceId;
    DraftDeal deal;
    DraftContact contact;
    std::optional<DraftCompany> company;
    std::optional<DraftOrder> order; ///< set for shop orders
    /** The order's lines whose products are in the CRM's catalogue, filled by the lane just before a
     *  send (Store::CatalogRepo); not stored with the draft. */
    QList<DraftProduct> products;
    QString note;
    QList<SkippedRow> skipped;
    DraftRouting routing;

    QJsonObject toJson() const;
    static Common::Result<DealDraft> fromJson(const QJsonObject &json);
    bool operator==(const DealDraft &) const = default;
};

} // namespace Crm
