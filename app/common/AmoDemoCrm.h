// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DemoCrm.h"

namespace Net {
class HttpClient;
}
namespace Sandbox::AmoCrm {
class AmoCrmSandbox;
}

namespace App {

/**
 * The demo on amoCRM: the amoCRM sandbox (seed "demo", 7 requests/s), a connection signed in through
 * the sandbox's auth-code endpoint as an operator pastes the redirect, and the default mapping for the
 * sandbox's fields and pipelines. Main thread; owned by the DemoSession.
 */
class AmoDemoCrm : public DemoCrm
{
    Q_OBJECT
public:
    AmoDemoCrm(QNetworkAccessManager *network, double rate);
    ~AmoDemoCrm() override;

    QString title() const override { return QStringLiteral("amoCRM"); }
    Common::Status startSandbox() override;
    QUrl sandboxUrl() const override;
    Store::Connection connection() const override;
    std::pair<QString, QByteArray> secret() const override;
    void signIn(const DemoTarget &target, std::function<void(Common::Status)> done) override;
    Mapping::MappingSet mapping(const Crm::CrmSchema &schema, const DemoShopFacts &shop) const override;
    std::optional<Engine::BackSyncSetup::Request> backSync() const override;
    void fetchSummary(std::function<void(Common::Result<CrmSummary>)> done) override;
    QString describe(const CrmSummary &summary) const override;
    QString sentPhrase() const override { return QStringLiteral("are deals in the CRM"); }

private:
    void submitCode(const DemoTarget &target, const QJsonObject &code,
                    std::function<void(Common::Status)> done);

    std::unique_ptr<Sandbox::AmoCrm::AmoCrmSandbox> m_sandbox;
    std::unique_ptr<Net::HttpClient> m_client;
};

} // namespace App
