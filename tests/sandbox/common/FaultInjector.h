// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <optional>

namespace Sandbox {

/**
 * One fault: which requests it hits and what happens to them.
 * JSON shape (all keys optional but "action"):
 * {"action":"status|reset|slow|429", "method":"POST", "path":"/api/v4/leads" or "^/api/v4/leads/\\d+$",
 *  "status":500, "delay_ms":1500, "times":3, "every":1, "skip":0, "min_batch":51, "html":false,
 *  "after":false}
 */
struct FaultRule
{
    enum class Action { Status, Reset, Slow, TooManyRequests };

    Action action = Action::Status;
    QString method; ///< empty = any
    QString path; ///< a prefix, or a regular expression when it starts with '^'; empty = any
    int status = 500;
    int delayMs = 0;
    int times = -1; ///< how often it may fire; -1 = forever
    int every = 1; ///< fires on every Nth matching request
    int skip = 0; ///< lets the first N matching requests through
    int minBatch = 0; ///< only requests whose JSON array body has at least this many items
    bool html = false; ///< status faults: an nginx HTML page instead of a JSON body
    /** status and reset faults: the request is carried out first and only its answer is replaced (a
     *  reply lost after the CRM did the work, as when a connection drops on the way back). */
    bool after = false;
    int seen = 0;
    int fired = 0;

    static std::optional<FaultRule> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    bool matches(const QByteArray &method, const QString &path, int batchSize) const;
};

/**
 * The fault rules in force. Profiles are named rule sets (see README); tests add rules through the
 * control API. Not thread-safe; used on the server thread.
 */
class FaultInjector
{
public:
    /** Adds the rules of one or more comma-separated profiles. */
    bool applyProfile(const QString &names, QString *error);
    void addRule(const FaultRule &rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    bool needsBatchSize() const;

    /** Counts the request against every matching rule and returns the first rule that fires. */
    std::optional<FaultRule> next(const QByteArray &method, const QString &path, int batchSize);

    QJsonArray toJson() const;
    static QStringList profileNames();

private:
    QList<FaultRule> m_rules;
};

} // namespace Sandbox
