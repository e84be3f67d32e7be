// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlReplies.h"

#include <QJsonDocument>

namespace Sandbox::Control {

HttpResponse ok(const QJsonObject &body)
{
    return HttpResponse::json(200, QJsonDocument(body), "application/json");
}

HttpResponse bad(const QString &message)
{
    return HttpResponse::json(400, QJsonDocument(QJsonObject { { "error", message } }), "application/json");
}

QJsonArray values(const QMap<qint64, QJsonObject> &map)
{
    QJsonArray out;
    for (const QJsonObject &o : map)
        out.append(o);
    return out;
}

HttpResponse faults(FaultInjector &faults, const HttpRequest &request, const QJsonObject &body)
{
    if (request.method == "POST") {
        if (body.value("clear").toBool() || body.value("replace").toBool())
            faults.clear();
        QString error;
        if (body.contains("profile") && !faults.applyProfile(body.value("profile").toString(), &error))
            return bad(error);
        QJsonArray rules = body.value("rules").toArray();
        if (body.contains("action"))
            rules.append(body);
        for (const QJsonValue &r : rules) {
            const auto rule = FaultRule::fromJson(r.toObject(), &error);
            if (!rule)
                return bad(error);
            faults.addRule(*rule);
        }
    }
    return ok(QJsonObject { { "faults", faults.toJson() },
                            { "profiles", QJsonArray::fromStringList(FaultInjector::profileNames()) } });
}

HttpResponse clock(SandboxClock &clock, const HttpRequest &request, const QJsonObject &body,
                   const QJsonObject &extra)
{
    if (request.method == "POST") {
        const double advance = body.value("advance").toDouble();
        if (advance < 0)
            return bad(QStringLiteral("the clock only moves forward"));
        clock.advance(qint64(advance * 1000));
    }
    QJsonObject answer = extra;
    answer.insert("now", clock.nowSecs());
    answer.insert("offset", clock.offsetMs() / 1000);
    return ok(answer);
}

} // namespace Sandbox::Control
