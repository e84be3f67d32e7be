// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCommand.h"

#include "DemoSession.h"
#include "SignalWatcher.h"

#include <QCoreApplication>
#include <QTimer>

namespace Ctl {

namespace {

/** Runs one demo to its end and prints as it goes; the exit code is the command's. */
class DemoRunner : public QObject
{
public:
    DemoRunner(App::DemoOptions options)
        : m_session(options)
        , m_target(options.totalOrders)
    {
        connect(&m_session, &App::DemoSession::failed, this, [this](const QString &message) {
            err(QStringLiteral("crmbridgectl demo: %1").arg(message));
            m_exitCode = 1;
            finish();
        });
        connect(&m_session, &App::DemoSession::started, this, [this] {
            const QUrl catalogue = m_session.catalogueUrl();
            if (!catalogue.isEmpty())
                out(QStringLiteral("  ICML catalogue of the demo shop (for RetailCRM): %1")
                        .arg(catalogue.toString()));
            out(QStringLiteral("Signed in to the %1 sandbox; the engine is sending. %2")
                    .arg(m_session.crmTitle(),
                         m_target > 0 ? QStringLiteral("The demo ends when %1 orders %2.")
                                            .arg(QString::number(m_target), m_session.sentPhrase())
                                      : QStringLiteral("Ctrl-C ends the demo.")));
            m_progress.start(1000);
        });
        connect(&m_session, &App::DemoSession::managerActed, this,
                [](const QString &what) { out(QStringLiteral("  (%1; the shop follows)").arg(what)); });
        connect(&m_session, &App::DemoSession::stopped, this, &DemoRunner::printSummary);
        connect(&m_progress, &QTimer::timeout, this, &DemoRunner::onProgress);
        connect(&m_signals, &SignalWatcher::terminationRequested, this, [this](int) { finish(); });
    }

    int run()
    {
        if (auto prepared = m_session.prepare(); !prepared) {
            err(QStringLiteral("crmbridgectl demo: %1").arg(prepared.error().message));
            return 1;
        }
        const App::DemoProgress progress = m_session.progress();
        const bool moreToCome = m_target == 0 || progress.ordersInShop < m_target;
        out(QStringLiteral(
                "CRM Bridge demo in %1\n"
                "  %5 sandbox: %2\n"
                "  demo shop (%6): %3 orders%4\n"
                "  store: %1/crmbridge.db (`crmbridgectl --database sqlite://%1/crmbridge.db status`)")
                .arg(m_session.dir(), m_session.sandboxUrl().toString())
                .arg(progress.ordersInShop)
                .arg(moreToCome ? QStringLiteral(", and customers keep ordering") : QString(),
                     m_session.crmTitle(), m_session.shopDescription()));
        m_session.start();
        return QCoreApplication::exec();
    }

private:
    void onProgress()
    {
        const App::DemoProgress progress = m_session.progress();
        if (progress.synced != m_lastSynced || progress.ordersInShop != m_lastInShop) {
            m_lastSynced = progress.synced;
            m_lastInShop = progress.ordersInShop;
            out(QStringLiteral("  %1 of %2 orders %3%4")
                    .arg(progress.synced)
                    .arg(progress.ordersInShop)
                    .arg(m_session.sentPhrase(),
                         progress.failed > 0
                             ? QStringLiteral(" (%1 failed: see `status`)").arg(progress.failed)
                             : QString()));
        }
        if (m_target > 0 && progress.synced >= m_target)
            finish();
    }

    void finish()
    {
        if (m_finishing)
            return;
        m_finishing = true;
        m_progress.stop();
        out(QStringLiteral("Stopping: the engine finishes the rounds in flight…"));
        m_session.stop();
    }

    void printSummary()
    {
        m_session.fetchCrmSummary([this](Common::Result<App::CrmSummary> summary) {
            if (!summary) {
                err(QStringLiteral("crmbridgectl demo: %1").arg(summary.error().message));
                QCoreApplication::exit(1);
                return;
            }
            const App::DemoProgress progress = m_session.progress();
            out(QStringLiteral("Summary: %1 reached the CRM from %2 shop orders%3.")
                    .arg(m_session.describe(summary.value()))
                    .arg(progress.ordersInShop)
                    .arg(progress.failed > 0 ? QStringLiteral("; %1 jobs failed").arg(progress.failed)
                                             : QString()));
            QCoreApplication::exit(m_exitCode);
        });
    }

    App::DemoSession m_session;
    SignalWatcher m_signals;
    QTimer m_progress;
    int m_target = 0;
    int m_lastSynced = -1;
    int m_lastInShop = -1;
    int m_exitCode = 0;
    bool m_finishing = false;
};

} // namespace

Command demoCommand()
{
    return {
        QStringLiteral("demo"),
        QStringLiteral("Run the product on a sandbox CRM and a demo shop, then sum up what reached the CRM"),
        [](const QStringList &args, const QString &) {
            QCommandLineParser parser;
            parser.setApplicationDescription(QStringLiteral(
                "The whole product on this machine: a sandbox CRM (amoCRM, or RetailCRM with --crm "
                "retailcrm),\n"
                "a miniShop2 demo shop (SQLite; 1C-Bitrix with --shop bitrix, or MoySklad's sandbox with "
                "its\n"
                "retail sales with --shop moysklad) with a few hundred orders whose customers keep ordering, "
                "the\n"
                "default mapping and the engine. On RetailCRM also the delivery, payment and status codes,\n"
                "back-sync by polling (a manager now and then sends an order to delivery, and the shop "
                "follows)\n"
                "and the shop's ICML catalogue on the intake server. Prints progress and the addresses; "
                "ends\n"
                "after --orders N reached the CRM, or on Ctrl-C, with a summary of what reached it. It "
                "keeps\n"
                "its own store and credentials (in memory only)."));
            parser.addOptions(
                { { QStringLiteral("crm"), QStringLiteral("The sandbox CRM: amocrm or retailcrm (amocrm)"),
                    QStringLiteral("CRM"), QStringLiteral("amocrm") },
                  { QStringLiteral("shop"),
                    QStringLiteral("The demo shop: minishop2, bitrix or moysklad (minishop2)"),
                    QStringLiteral("SHOP"), QStringLiteral("minishop2") },
                  { QStringLiteral("orders"),
                    QStringLiteral("End when this many orders reached the CRM (the shop "
                                   "takes no more)"),
                    QStringLiteral("N") },
                  { QStringLiteral("dir"),
                    QStringLiteral("Keep the store and the shop in DIR (default: a temporary folder)"),
                    QStringLiteral("DIR") },
                  { QStringLiteral("every"), QStringLiteral("A new shop order every this many seconds (3)"),
                    QStringLiteral("SECONDS"), QStringLiteral("3") } });
            if (!parseSubcommand(parser, QStringLiteral("demo"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            App::DemoOptions options;
            options.crm = parser.value(QStringLiteral("crm"));
            if (!App::DemoCrm::names().contains(options.crm)) {
                err(QStringLiteral("crmbridgectl demo: --crm takes %1")
                        .arg(App::DemoCrm::names().join(QStringLiteral(" or "))));
                return 2;
            }
            options.shop = parser.value(QStringLiteral("shop"));
            if (!App::DemoSession::shops().contains(options.shop)) {
                err(QStringLiteral("crmbridgectl demo: --shop takes %1")
                        .arg(App::DemoSession::shops().join(QStringLiteral(" or "))));
                return 2;
            }
            bool ok = true;
            if (parser.isSet(QStringLiteral("orders")))
                options.totalOrders = parser.value(QStringLiteral("orders")).toInt(&ok);
            if (!ok || options.totalOrders < 0 || options.totalOrders > 100000) {
                err(QStringLiteral("crmbridgectl demo: --orders takes a number from 1 to 100000"));
                return 2;
            }
            const double every = parser.value(QStringLiteral("every")).toDouble(&ok);
            if (!ok || every < 0) {
                err(QStringLiteral("crmbridgectl demo: --every takes a number of seconds"));
                return 2;
            }
            options.newOrderEveryMs = int(every * 1000);
            options.managerEveryMs = 5 * options.newOrderEveryMs; // with RetailCRM; 15 s by default
            options.dir = parser.value(QStringLiteral("dir"));
            DemoRunner runner(options);
            return runner.run();
        }
    };
}

} // namespace Ctl
