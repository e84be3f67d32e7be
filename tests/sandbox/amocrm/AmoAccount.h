// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/RateLimiter.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Sandbox::AmoCrm {

/**
 * Everything one emulated amoCRM account holds. Entities are kept in their API read shape without
 * `_links`, keyed by id, so rendering and snapshots stay simple. Owned by AmoContext; server thread only.
 */
struct AmoAccount
{
    qint64 id = 0;
    QString subdomain;
    QString name;
    QString customersMode = QStringLiteral("periodicity");
    /** The mode customers had when last on (GET /customers/mode while they are off). */
    QString customersLastMode = QStringLiteral("periodicity");
    QString language = QStringLiteral("ru"); ///< the account's interface language ("ru", "en" on Kommo)
    bool unpaid = false;
    bool blocked = false;
    bool duplicateControl = false;
    qint64 createdAt = 0;
    RateLimiter limiter;

    QMap<qint64, QJsonObject> users;
    QMap<qint64, QJsonObject> pipelines; ///< with `_embedded.statuses`
    QMap<qint64, QJsonObject> leads;
    QMap<qint64, QJsonObject> contacts;
    QMap<qint64, QJsonObject> companies;
    QMap<qint64, QJsonObject> customers;
    QMap<qint64, QJsonObject> notes; ///< all parents; `entity_type` says which ("leads", "contacts", …)
    QMap<qint64, QJsonObject> catalogs;
    QMap<qint64, QJsonObject> catalogElements;
    QMap<qint64, QJsonObject> transactions;
    QMap<qint64, QJsonObject> segments; ///< customer segments (dynamic segmentation)
    QMap<qint64, QJsonObject> webhooks;
    QMap<QString, QMap<qint64, QJsonObject>> customFields; ///< "leads", "contacts", "catalogs/1001", …
    QMap<QString, QMap<qint64, QJsonObject>> tags; ///< by entity type
    QMap<QString, QJsonObject> unsorted; ///< unsorted items by uid (their lead is in `leads`)
    QList<QJsonObject> events; ///< oldest first
    QHash<QString, qint64> nextIds;

    qint64 allocateId(const QString &kind);
    /** The store of "leads", "contacts", "companies" or "customers"; nullptr for anything else. */
    QMap<qint64, QJsonObject> *entities(const QString &type);

    qint64 mainPipelineId() const;
    QJsonObject findStatus(qint64 pipelineId, qint64 statusId) const;
    /** The pipeline a status id belongs to; 142/143 belong to every pipeline, so the main one. */
    qint64 pipelineOfStatus(qint64 statusId) const;
    /** The first stage after "unsorted" of a pipeline. */
    qint64 defaultStatus(qint64 pipelineId) const;
    /** The "unsorted" stage (type 1) of a pipeline; 0 when it has none. */
    qint64 unsortedStatus(qint64 pipelineId) const;
    qint64 adminUserId() const;

    QJsonObject toJson() const;
    void loadJson(const QJsonObject &json);
};

} // namespace Sandbox::AmoCrm
