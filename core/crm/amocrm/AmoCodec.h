// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmConnector.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Crm::AmoCrm {

/** amoCRM takes at most this many custom field values per entity in leads/complex. */
constexpr int kMaxFieldValuesPerEntity = 40;

/**
 * One request item as sent, with what is needed to read the answer: which of OUR fields sits at
 * which positional path (amoCRM reports `custom_fields_values.3.values.0.value`, pain point 10),
 * and the custom field values that did not fit under the 40-value limit (sent in a follow-up PATCH).
 */
struct EncodedItem
{
    QString key; ///< the caller's key
    QString requestId;
    QJsonObject json;
    QJsonArray overflowFields; ///< lead custom_fields_values beyond the limit
    QHash<QString, QString> paths; ///< path prefix → our name for people ("deal field “City” (order.city)")
    QString keysForLog;
    std::optional<Common::Error> error; ///< could not be encoded; never sent
};

/** JSON codecs between the CRM-neutral types and amoCRM API v4. Tolerant of missing keys and unknown types.
 */
namespace AmoCodec {

CrmSchema schemaFrom(const QJsonArray &pipelines, const QHash<Entity, QJsonArray> &fields,
                     const QJsonArray &users);
CustomField fieldFrom(const QJsonObject &json, Entity entity);

/** A lead for POST /api/v4/leads/complex; the external id goes into @p externalIdFieldId first. */
EncodedItem encodeCreate(const DealCreate &item, const QString &requestId, const QString &externalIdFieldId);
/** A lead for PATCH /api/v4/leads; @p current (the lead as the CRM has it) decides if-empty fields. */
EncodedItem encodeUpdate(const DealUpdate &item, const QString &requestId, const QJsonObject &current);

/** A contact's write shape (name, PHONE/EMAIL channels, custom fields); labels its paths under @p prefix
 *  and counts its custom field values into @p valueCount. */
QJsonObject contactJson(const DraftContact &contact, QHash<QString, QString> &paths, const QString &prefix,
                        int *valueCount);
/** True when @p entity (read shape) has no value in the custom field. */
bool fieldIsEmpty(const QJsonObject &entity, const QString &fieldId);
/** A contact for POST /api/v4/contacts. */
EncodedItem encodeContactCreate(const ContactUpsert &item, const QString &requestId);
/** A contact for PATCH /api/v4/contacts, merged into @p current (the contact as the CRM has it) under the
 *  draft's policies: locked fields stay, channels are added, never replaced. */
EncodedItem encodeContactUpdate(const ContactUpsert &item, const QString &requestId,
                                const QJsonObject &current);
/** An item for POST /api/v4/leads/unsorted/forms: the lead (with the external id), its contact and
 *  the form's metadata. */
EncodedItem encodeInboxLead(const InboxLeadCreate &item, const QString &requestId,
                            const QString &externalIdFieldId, const QString &sourceName);

/** The custom_fields_values entry of one draft field ("values": null clears it). */
QJsonObject fieldValues(const DraftField &field);

/** Our words for a positional validation path, by the longest known prefix. */
QString describePath(const QHash<QString, QString> &paths, const QString &path);
/** A Permanent "validation" error for one item from its `validation-errors[].errors`. */
Common::Error validationError(const QJsonArray &errors, const QHash<QString, QString> &paths);
/** request_id → its errors, from an error's details. */
QHash<QString, QJsonArray> validationErrorsById(const Common::Error &error);

ContactSummary contactSummary(const QJsonObject &contact);
/** A lead_status_changed event as a CRM-side StatusChange; nullopt for other shapes. */
std::optional<Model::StatusChange> stageChange(const QJsonObject &event);
/** A customer's custom_field_<fieldId>_value_changed event as a PointsChange (the field's new text);
 *  nullopt for other events. */
std::optional<Model::PointsChange> pointsChange(const QJsonObject &event, const QString &fieldId);
/** The value of a text custom field on an entity, or empty. */
QString textFieldValue(const QJsonObject &entity, const QString &fieldId);

} // namespace AmoCodec

} // namespace Crm::AmoCrm
