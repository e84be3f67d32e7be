// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DemoShop.h"

#include <QObject>

class QNetworkAccessManager;

namespace Sandbox::MoySklad {
class MoySkladSandbox;
}

namespace App {

/**
 * The MoySklad demo shop (seed 003): the MoySklad sandbox's camera shop in-process — products, a bonus
 * program, private buyers and a company, retail sales over the last two days — read by the product's
 * MoySklad source with the sandbox's token. New sales are rung up at the sandbox's till over HTTP, as a
 * cashier's would arrive. Main thread; the sandbox runs on its own thread.
 */
class MoySkladDemoShop : public QObject, public DemoShop
{
    Q_OBJECT
public:
    MoySkladDemoShop();
    ~MoySkladDemoShop() override;

    QString title() const override { return QStringLiteral("MoySklad"); }
    QString describe() const override;
    Common::Status create(const QString &dir, int orders) override;
    Source::SourceRecord sourceRecord(const QString &name) const override;
    QByteArray secret() const override;
    int orders() const override { return m_orders; }
    void placeOrder() override;
    bool publishesCatalogue() const override { return false; }

private:
    std::unique_ptr<Sandbox::MoySklad::MoySkladSandbox> m_sandbox;
    QNetworkAccessManager *m_network = nullptr;
    int m_orders = 0;
};

} // namespace App
