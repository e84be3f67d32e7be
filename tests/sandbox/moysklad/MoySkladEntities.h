// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Sandbox::MoySklad {

class MoySkladStore;

/** A MoySklad API error: the HTTP status and one entry of the `errors` array. */
struct ApiError
{
    int status = 0;
    int code = 0;
    QString message;
    QString parameter;

    bool isError() const { return status != 0; }
    QJsonObject toJson() const;
};

/**
 * The write rules of each entity type: required fields (`*` in reference B.5), read-only fields, the
 * values allowed for enums, links that must name an existing object, document numbers and sums in
 * kopecks from the positions, `syncId` idempotency, bonus transaction status, webhook limits. Writes
 * queue an EntityChange in the store. Server thread; stateless apart from the store it is given.
 */
class MoySkladEntities
{
public:
    explicit MoySkladEntities(MoySkladStore &store)
        : m_store(store)
    { }

    /** Creates one object (or returns the one an earlier create with the same syncId made). */
    QJsonObject create(const QString &type, const QJsonObject &input, ApiError *error);
    QJsonObject update(const QString &type, const QString &id, const QJsonObject &patch, ApiError *error);
    bool remove(const QString &type, const QString &id, ApiError *error);

private:
    bool validate(const QString &type, QJsonObject &object, bool creating, ApiError *error);
    bool checkLinks(QJsonObject &object, ApiError *error);
    bool applyPositions(QJsonObject &object, ApiError *error);
    bool validateWebhook(const QJsonObject &object, const QString &selfId, ApiError *error);

    MoySkladStore &m_store;
};

} // namespace Sandbox::MoySklad
