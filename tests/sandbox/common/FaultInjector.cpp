// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultInjector.h"

namespace Sandbox {

namespace {

FaultRule makeRule(FaultRule::Action action, int every, int status = 500, int delayMs = 0)
{
    FaultRule rule;
    rule.action = action;
    rule.every = every;
    rule.status = status;
    rule.delayMs = delayMs;
    rule.path = QStringLiteral("/api/");
    return rule;
}

} // namespace

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &json, QString *error)
{
    FaultRule rule;
    const QString action = json.value("action").toString();
    if (action == "status")
        rule.action = Action::Status;
    else if (action == "reset")
        rule.action = Action::Reset;
    else if (action == "slow")
        rule.action = Action::Slow;
    else if (action == "429")
        rule.action = Action::TooManyRequests;
    else {
        if (error)
            *error = QStringLiteral("unknown fault action '%1' (status, reset, slow, 429)").arg(action);
        return std::nullopt;
    }
    rule.method = json.value("method").toString().toUpper();
    rule.path = json.value("path").toString();
    if (rule.path.startsWith('^') && !QRegularExpression(rule.path).isValid()) {
        if (error)
            *error = QStringLiteral("bad path regular expression");
        return std::nullopt;
    }
    rule.status = json.value("status").toInt(rule.action == Action::TooManyRequests ? 429 : 500);
    rule.delayMs = json.value("delay_ms").toInt(rule.action == Action::Slow ? 1500 : 0);
    rule.times = json.value("times").toInt(-1);
    rule.every = qMax(1, json.value("every").toInt(1));
    rule.skip = qMax(0, json.value("skip").toInt(0));
    rule.minBatch = json.value("min_batch").toInt(0);
    rule.html = json.value("html").toBool(rule.status == 502 || rule.status == 503 || rule.status == 504);
    rule.after = json.value("after").toBool(false);
    return rule;
}

QJsonObject FaultRule::toJson() const
{
    static const char *names[] = { "status", "reset", "slow", "429" };
    return QJsonObject { { "action", names[int(action)] },
                         { "method", method },
                         { "path", path },
                         { "status", status },
                         { "delay_ms", delayMs },
                         { "times", times },
                         { "every", every },
                         { "skip", skip },
                         { "min_batch", minBatch },
                         { "html", html },
                         { "seen", seen },
                         { "fired", fired },
                         { "after", after } };
}

bool FaultRule::matches(const QByteArray &requestMethod, const QString &requestPath, int batchSize) const
{
    if (!method.isEmpty() && method.toLatin1() != requestMethod)
        return false;
    if (!path.isEmpty()) {
        if (path.startsWith('^')) {
            if (!QRegularExpression(path).match(requestPath).hasMatch())
                return false;
        } else if (!requestPath.startsWith(path)) {
            return false;
        }
    }
    return minBatch <= 0 || batchSize >= minBatch;
}

bool FaultInjector::applyProfile(const QString &names, QString *error)
{
    for (const QString &raw : names.split(',', Qt::SkipEmptyParts)) {
        const QString name = raw.trimmed();
        if (name == "none") {
            continue;
        } else if (name == "flaky") {
            m_rules.append(makeRule(FaultRule::Action::Status, 10, 500));
            m_rules.append(makeRule(FaultRule::Action::Reset, 13));
            m_rules.append(makeRule(FaultRule::Action::Slow, 7, 0, 1500));
        } else if (name == "5xx") {
            m_rules.append(makeRule(FaultRule::Action::Status, 4, 500));
            FaultRule r = makeRule(FaultRule::Action::Status, 9, 503);
            r.html = true;
            m_rules.append(r);
        } else if (name == "resets") {
            m_rules.append(makeRule(FaultRule::Action::Reset, 5));
        } else if (name == "slow") {
            m_rules.append(makeRule(FaultRule::Action::Slow, 1, 0, 800));
        } else if (name == "big-batches") {
            FaultRule r = makeRule(FaultRule::Action::Status, 1, 504);
            r.minBatch = 51;
            r.html = true;
            m_rules.append(r);
        } else if (name == "storm") {
            FaultRule r = makeRule(FaultRule::Action::TooManyRequests, 1, 429);
            r.skip = 5;
            r.times = 20;
            m_rules.append(r);
        } else {
            if (error)
                *error = QStringLiteral("unknown fault profile '%1' (%2)")
                             .arg(name, profileNames().join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

QStringList FaultInjector::profileNames()
{
    return { "none", "flaky", "5xx", "resets", "slow", "big-batches", "storm" };
}

bool FaultInjector::needsBatchSize() const
{
    for (const FaultRule &rule : m_rules) {
        if (rule.minBatch > 0)
            return true;
    }
    return false;
}

std::optional<FaultRule> FaultInjector::next(const QByteArray &method, const QString &path, int batchSize)
{
    std::optional<FaultRule> chosen;
    for (FaultRule &rule : m_rules) {
        if (rule.times >= 0 && rule.fired >= rule.times)
            continue;
        if (!rule.matches(method, path, batchSize))
            continue;
        ++rule.seen;
        if (rule.seen <= rule.skip || (rule.seen - rule.skip) % rule.every != 0)
            continue;
        if (chosen)
            continue;
        ++rule.fired;
        chosen = rule;
    }
    return chosen;
}

QJsonArray FaultInjector::toJson() const
{
    QJsonArray out;
    for (const FaultRule &rule : m_rules)
        out.append(rule.toJson());
    return out;
}

} // namespace Sandbox
