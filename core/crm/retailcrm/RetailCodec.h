// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmConnector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <optional>

namespace Crm::RetailCrm {

/**
 * Between CRM Bridge's neutral types and RetailCRM API v5 JSON. Pure functions, any thread.
 *
 * How RetailCRM fits the CrmSchema the mapping editors and the lanes know:
 * - One pipeline, id kPipelineId ("orders"), named after the site. Its stages are the active order
 *   statuses (id = the status code), sorted by their group's ordering, then their own. Status groups
 *   are not pipelines: in RetailCRM they only group statuses for reports, an order moves freely between
 *   them, and a pipeline per group would turn every such move into a pipeline change and make the
 *   routing choose a group. Statuses of the "complete" group are Won stages, of "cancel" Lost ones.
 *   So the status map is the status code map: shop status ↔ (orders, status code).
 * - Custom fields of orders are Deal fields and those of customers Contact fields, id = the field code.
 *   Creating one (auto-create) sends the neutral type as RetailCRM's (customFieldJson) under a code made
 *   from the name (fieldCodeFor). RetailCRM is taken to drop values for codes the account lacks without
 *   an error (see tests/sandbox/README.md), so the mapping's validation against the schema is what
 *   catches a missing field.
 * - Users are the account's users (id = the user id, name = first and last name).
 * - Delivery types, payment types, payment statuses, order types, order methods and sites are the
 *   schema's dictionaries (id = code), which Mapping::CodeMaps are validated against.
 * - A deal is an order: its id is RetailCRM's order id, its external id the shop's order number with
 *   "/" turned into "-" (what modRetailCRM sends and its triggers turn back); a contact is a customer.
 */
namespace RetailCodec {

inline const QString kPipelineId = QStringLiteral("orders");

/** RetailCRM's dates: "Y-m-d H:i:s" in the account's time (read as local time). */
QDateTime parseDateTime(const QString &text);
QString formatDateTime(const QDateTime &at);

/** The externalId of the order a draft becomes ("2311/14" → "2311-14"; forms: "form-<id>"). */
QString externalIdOf(const DealDraft &draft);

/** customers/create body: externalId (the shop user id, when there is one), names, e-mail, phones. */
QJsonObject customerJson(const DraftContact &contact, const QString &shopUserId);
/**
 * orders/create and orders/edit body. @p customerId links the customer by RetailCRM id (empty: none).
 * On update, fields whose policy is Never are left out, and items, delivery and payments are not sent
 * again when @p update (a manager may have changed them in the CRM).
 */
QJsonObject orderJson(const DealDraft &draft, const QString &externalId, const QString &customerId,
                      bool update = false);
/** The order's custom fields from the draft's deal fields (code → value). */
QJsonObject customFieldsJson(const QList<DraftField> &fields);

/** The schema from the reference answers (each the map keyed by code that RetailCRM returns). */
struct References
{
    QJsonObject statuses;
    QJsonObject statusGroups;
    QJsonObject sites;
    QString site;
    QMap<QString, QJsonObject> dictionaries; ///< "delivery-types" → {code: {...}}, ...
    QJsonArray customFields; ///< custom-fields list (may be empty)
    QJsonArray users; ///< users list (may be empty)
};
CrmSchema schemaFrom(const References &references, const QDateTime &fetchedAt);

/** RetailCRM's custom field entity for ours: Deal → "order", Contact → "customer"; empty for others. */
QString customFieldEntity(Entity entity);
/** RetailCRM's type for a neutral field type ("text" → "string", "textarea" → "text", "checkbox" →
 *  "boolean", "numeric" → "numeric", "date" → "date", …); select fields become strings (RetailCRM's
 *  dictionary fields need a custom dictionary, which the bridge does not create). */
QString retailFieldType(const QString &neutralType);
/**
 * A field code from a field's name: transliterated to latin, lower case, runs of anything but letters
 * and digits as one "_", at most 40 characters, "field" when nothing is left; "_2", "_3" … appended
 * until it is not in @p taken.
 */
QString fieldCodeFor(const QString &name, const QStringList &taken);
/** custom-fields/{entity}/create body for @p field under @p code. */
QJsonObject customFieldJson(const CustomField &field, const QString &code);

/** A manager's (or another integration's) status change from one orders/history entry; nullopt for
 *  other fields, for order creation and for changes made with our own key (apiKey.current). */
std::optional<Model::StatusChange> stageChange(const QJsonObject &entry);

/**
 * The payments of an order answer, in the order of their ids. RetailCRM shows them as a map keyed by
 * payment id in `GET orders/{id}` and the `orders/{id}/edit` answer (`{}` when there is none), but as a
 * list in the answers of `orders/create`, `orders/upload` and in history entries; either is read here.
 */
QList<QJsonObject> paymentsOf(const QJsonObject &order);

/** A customer for the contact index: phones to E.164 in @p region, e-mails lower-cased. */
ContactSummary contactSummary(const QJsonObject &customer, const QString &region);

} // namespace RetailCodec

} // namespace Crm::RetailCrm
