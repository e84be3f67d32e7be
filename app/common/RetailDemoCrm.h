// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DemoCrm.h"

#include <QSet>

namespace Sandbox::RetailCrm {
class RetailCrmSandbox;
}

namespace App {

/**
 * The demo on RetailCRM: the RetailCRM sandbox (seed "demo", 10 requests/s) with the demo shop's
 * deliveries and payments added to its dictionaries as an administrator would, a connection to the
 * sandbox's site with its API key, a mapping whose status map and delivery/payment code maps name the
 * sandbox's codes (status "Оплачен" is the paid one), back-sync by polling orders/history, and the
 * shop's ICML catalogue. Now and then a manager sends one of the new orders to delivery in the CRM,
 * and the shop's order follows. Main thread; owned by the DemoSession.
 */
class RetailDemoCrm : public DemoCrm
{
    Q_OBJECT
public:
    RetailDemoCrm(QNetworkAccessManager *network, double rate);
    ~RetailDemoCrm() override;

    QString title() const override { return QStringLiteral("RetailCRM"); }
    Common::Status startSandbox() override;
    QUrl sandboxUrl() const override;
    Store::Connection connection() const override;
    std::pair<QString, QByteArray> secret() const override;
    void signIn(const DemoTarget &target, std::function<void(Common::Status)> done) override;
    Mapping::MappingSet mapping(const Crm::CrmSchema &schema, const DemoShopFacts &shop) const override;
    std::optional<Engine::BackSyncSetup::Request> backSync() const override;
    bool takesCatalogue() const override { return true; }
    void fetchSummary(std::function<void(Common::Result<CrmSummary>)> done) override;
    QString describe(const CrmSummary &summary) const override;
    QString sentPhrase() const override { return QStringLiteral("are in RetailCRM"); }
    void actAsManager(const DemoTarget &target, const QList<qint64> &newOrders,
                      std::function<void(QString)> done) override;

private:
    std::unique_ptr<Sandbox::RetailCrm::RetailCrmSandbox> m_sandbox;
    QSet<qint64> m_handedOver; ///< orders the manager sent to delivery
};

} // namespace App
