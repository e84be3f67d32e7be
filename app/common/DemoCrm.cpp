// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCrm.h"

#include "AmoDemoCrm.h"
#include "RetailDemoCrm.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace App {

using Common::Error;
using Common::Result;

std::unique_ptr<DemoCrm> DemoCrm::make(const QString &crm, QNetworkAccessManager *network, double rate)
{
    if (crm == QLatin1String("amocrm"))
        return std::make_unique<AmoDemoCrm>(network, rate);
    if (crm == QLatin1String("retailcrm"))
        return std::make_unique<RetailDemoCrm>(network, rate);
    return nullptr;
}

QStringList DemoCrm::names()
{
    return { QStringLiteral("amocrm"), QStringLiteral("retailcrm") };
}

DemoCrm::DemoCrm(QNetworkAccessManager *network, double rate, double realRate)
    : m_network(network)
    , m_rate(rate < 0 ? realRate : rate)
{ }

void DemoCrm::actAsManager(const DemoTarget &, const QList<qint64> &, std::function<void(QString)> done)
{
    done({});
}

void DemoCrm::control(const QString &path, const std::optional<QJsonObject> &post,
                      std::function<void(Result<QJsonObject>)> done) const
{
    QNetworkRequest request(sandboxUrl().resolved(QUrl(QStringLiteral("/__sandbox/") + path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = post
        ? m_network->post(request, QJsonDocument(*post).toJson(QJsonDocument::Compact))
        : m_network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError) {
            const QString said = answer.value(QLatin1String("error")).toString();
            return done(Error::unavailable(QStringLiteral("The sandbox CRM does not answer: %1")
                                               .arg(said.isEmpty() ? reply->errorString() : said)));
        }
        done(answer);
    });
}

} // namespace App
