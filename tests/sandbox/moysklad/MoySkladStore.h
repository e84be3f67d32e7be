// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MoySkladBudget.h"
#include "MoySkladSandboxOptions.h"
#include "common/FaultInjector.h"
#include "common/RequestCounters.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

namespace Sandbox {
class SandboxClock;
}

namespace Sandbox::MoySklad {

/** One change to an entity, as a webhook event will report it. */
struct EntityChange
{
    QString type;
    QString id;
    QString action; ///< CREATE, UPDATE, DELETE
    QStringList updatedFields;
};

/**
 * Everything the emulated MoySklad account holds: the users' tokens, the entities by type (kept as the
 * fields the API shows, times already in Moscow time, links as `{"meta":…}` with full hrefs), plus the
 * budget, faults and counters. Changes made since the last takeChanges() are queued for the webhooks.
 * Lives on the server thread.
 */
class MoySkladStore
{
public:
    MoySkladStore(const MoySkladSandboxOptions &options, SandboxClock &clock);

    /** Forgets entities, tokens and counters (not faults or budget settings), then seeds @p profile. */
    void reset(const QString &profile);
    static QStringList profiles() { return { "empty", "demo" }; }
    /** The entity types served under /entity/. */
    static QStringList types();
    static bool isDocument(const QString &type);

    /** "2026-12-07 15:00:00.123": the sandbox clock in Moscow time (UTC+3, no DST since 2014). */
    QString now() const;
    static QString moscowTime(qint64 msSinceEpoch);
    /** A filter or body date-time ("YYYY-MM-DD HH:MM[:SS[.mmm]]") in the stored form; empty if invalid. */
    static QString normalizeTime(const QString &text);

    void setBaseUrl(const QString &baseUrl) { m_apiUrl = baseUrl + QStringLiteral("/api/remap/1.2"); }
    QString apiUrl() const { return m_apiUrl; }
    QString href(const QString &type, const QString &id) const;
    QJsonObject meta(const QString &type, const QString &id) const;
    /** {"meta": …} for a link field. */
    QJsonObject link(const QString &type, const QString &id) const { return { { "meta", meta(type, id) } }; }
    /** The type and id an entity href of this server names; false for anything else. */
    bool parseHref(const QString &href, QString *type, QString *id) const;

    QList<QJsonObject> &rows(const QString &type) { return m_entities[type]; }
    QList<QJsonObject> rows(const QString &type) const { return m_entities.value(type); }
    QJsonObject *find(const QString &type, const QString &id);
    const QJsonObject *find(const QString &type, const QString &id) const;
    /** The linked entity of a `{"meta":…}` value; null when it names nothing here. */
    const QJsonObject *resolve(const QJsonValue &linkValue, QString *type = nullptr) const;
    QString newId() const;

    /** Tokens: a new one revokes the user's earlier ones (reference B.1). */
    QString issueToken(const QString &login);
    QString loginOfToken(const QString &token) const;
    bool checkPassword(const QString &login, const QString &password) const;

    void noteChange(const EntityChange &change) { m_changes.append(change); }
    QList<EntityChange> takeChanges() { return std::exchange(m_changes, {}); }

    const MoySkladSandboxOptions options;
    SandboxClock &clock;
    MoySkladBudget budget;
    FaultInjector faults;
    RequestCounters counters;
    int nextDocumentNumber = 1;

private:
    QString m_apiUrl;
    QMap<QString, QList<QJsonObject>> m_entities;
    QMap<QString, QString> m_tokens; ///< token → login
    QList<EntityChange> m_changes;
};

} // namespace Sandbox::MoySklad
