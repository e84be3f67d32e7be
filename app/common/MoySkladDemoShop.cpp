// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladDemoShop.h"

#include "moysklad/MoySkladSandbox.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace App {

namespace {
/** What of the demo seed the product sends (MoySkladSeed): five of its six retail sales (the sixth is to
 *  a company) and its customer order, all by private buyers. */
constexpr int kSeedOrders = 6;
} // namespace

MoySkladDemoShop::MoySkladDemoShop()
    : m_network(new QNetworkAccessManager(this))
{ }

MoySkladDemoShop::~MoySkladDemoShop() = default;

Common::Status MoySkladDemoShop::create(const QString &, int orders)
{
    Sandbox::MoySklad::MoySkladSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.demoSales = std::max(0, orders - kSeedOrders);
    m_sandbox = std::make_unique<Sandbox::MoySklad::MoySkladSandbox>(options);
    QString error;
    if (!m_sandbox->start(&error))
        return Common::Error::unavailable(QStringLiteral("The MoySklad sandbox cannot start: %1").arg(error));
    m_orders = kSeedOrders + options.demoSales;
    return {};
}

Source::SourceRecord MoySkladDemoShop::sourceRecord(const QString &name) const
{
    Source::SourceRecord source;
    source.name = name;
    source.kind = QStringLiteral("moysklad");
    source.url = m_sandbox->apiUrl().toString();
    // The sales already made go to the CRM too, each as a deal with its buyer's contact.
    source.config = QJsonObject { { QStringLiteral("start"), QStringLiteral("beginning") },
                                  { QStringLiteral("sales_as"), QStringLiteral("deals") } };
    return source;
}

QString MoySkladDemoShop::describe() const
{
    return QStringLiteral("MoySklad sandbox at %1")
        .arg(m_sandbox ? m_sandbox->apiUrl().toString() : QString());
}

QByteArray MoySkladDemoShop::secret() const
{
    return m_sandbox ? m_sandbox->token().toUtf8() : QByteArray();
}

void MoySkladDemoShop::placeOrder()
{
    QNetworkRequest request(m_sandbox->baseUrl().resolved(QUrl(QStringLiteral("/__sandbox/till"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_network->post(request, QByteArrayLiteral("{\"count\": 1}"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QJsonArray sales = QJsonDocument::fromJson(reply->readAll()).object().value("sales").toArray();
        if (reply->error() == QNetworkReply::NoError)
            m_orders += int(sales.size());
    });
}

} // namespace App
