// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"
#include "AmoErrors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <functional>
#include <optional>

namespace Sandbox::AmoCrm::Entities {

/** The helpers every entity endpoint shares: paging, filters, HAL shapes, tags and common fields. */

struct PageRequest
{
    int page = 1;
    int limit = 50;
};

/** Reads page/limit; a limit over @p maxLimit answers 422 "Limit N per page". */
std::optional<HttpResponse> readPage(const AmoCall &call, int maxLimit, PageRequest *out,
                                     int defaultLimit = 50);

/** A HAL page of already rendered items; 204 with an empty body when the page is empty. */
HttpResponse halPage(const AmoCall &call, const QString &path, const QString &key,
                     const QList<QJsonObject> &items, const PageRequest &page);

QString pageHref(const AmoCall &call, const QString &path, int page, int limit);
QJsonObject selfLink(const QString &href);

/** The JSON array body of a batch write: 400 when empty or not an array, 422 above @p maxItems. */
std::optional<HttpResponse> readBatch(const AmoCall &call, int maxItems, QJsonArray *out);
/** The JSON object body of a single write. */
std::optional<HttpResponse> readObject(const AmoCall &call, QJsonObject *out);

QString requestIdOf(const QJsonObject &item, qsizetype index);

/** Case-insensitive substring search over the name fields and every custom field value as stored. */
bool matchesQuery(const QJsonObject &entity, const QString &needle);
/** `filter[x]` as {"from","to"}, a single value or a list. */
bool inRange(const QJsonValue &filter, qint64 value);
bool inIdList(const QJsonValue &filter, qint64 value);
/** Filters on id, name, created_at, updated_at, closed_at, responsible_user_id, created_by, updated_by. */
bool passesCommonFilters(const QJsonObject &entity, const QJsonObject &filter);
/** Sorts by `order[field]=asc|desc` among @p allowed fields; by id ascending otherwise. */
void sortByOrder(QList<QJsonObject> &items, const QJsonObject &order, const QStringList &allowed);

QStringList withList(const AmoCall &call);

/**
 * Applies the fields every entity shares (name, responsible_user_id, created/updated by/at,
 * custom_fields_values, tags) from a write item to @p entity, reporting problems into @p errors.
 */
void applyCommon(AmoCall &call, const QString &type, QJsonObject &entity, const QJsonObject &input,
                 const QString &requestId, ValidationErrors &errors);
void applyTags(AmoAccount &account, const QString &type, QJsonObject &entity, const QJsonObject &input,
               const QString &requestId, ValidationErrors &errors);
void setEmbedded(QJsonObject &entity, const QString &key, const QJsonValue &value);

/** The read shape of a lead, contact, company or customer with `_links` and the `with` extras. */
QJsonObject render(const AmoCall &call, const QString &type, const QJsonObject &entity,
                   const QStringList &with);
QJsonObject entityLink(const AmoCall &call, const QString &type, qint64 id);

} // namespace Sandbox::AmoCrm::Entities
