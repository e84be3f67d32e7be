// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContactIndexLoader.h"

#include "storage/Transaction.h"
#include "store/ContactIndexRepo.h"
#include "store/WatermarkRepo.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace Engine {

namespace {
const QString kStream = QStringLiteral("contacts");
constexpr int kRetryMs = 30'000;

QString watermarkSource(qint64 connectionId)
{
    return QStringLiteral("crm:%1").arg(connectionId);
}
} // namespace

ContactIndexLoader::ContactIndexLoader(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                                       Crm::CrmConnector *connector, qint64 refreshMs,
                                       const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_connectionId(connectionId)
    , m_connector(connector)
    , m_clock(clock)
    , m_refreshMs(std::max<qint64>(1000, refreshMs))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ContactIndexLoader::run);
}

void ContactIndexLoader::start()
{
    auto mark = Store::WatermarkRepo(m_db, m_clock).value(watermarkSource(m_connectionId), kStream);
    // With a watermark the first load happened before: if the CRM cannot be read now, the lane
    // goes on with the index it has rather than wait.
    m_loadedBefore = mark && mark->has_value();
    run();
}

void ContactIndexLoader::run()
{
    if (m_running)
        return;
    auto mark = Store::WatermarkRepo(m_db, m_clock).value(watermarkSource(m_connectionId), kStream);
    if (!mark) {
        qCWarning(lcEngine) << "contact index of connection" << m_connectionId
                            << "cannot read its watermark:" << mark.error().toString();
        m_timer.start(kRetryMs);
        return;
    }
    m_running = true;
    const qint64 since = mark->has_value() ? (*mark)->toLongLong() : 0;
    if (since == 0)
        qCInfo(lcEngine) << "loading the contacts of connection" << m_connectionId << "into the index";
    readPage(since, 1, since, 0);
}

void ContactIndexLoader::readPage(qint64 since, int page, qint64 newest, int count)
{
    m_connector->contactsChangedSince(since, page, [=, this](Common::Result<Crm::ContactPage> answer) {
        if (!answer) {
            qCWarning(lcEngine) << "contact index of connection" << m_connectionId
                                << "cannot read contacts:" << answer.error().toString();
            finish(false, count);
            return;
        }
        qint64 latest = newest;
        Store::ContactIndexRepo index(m_db, m_clock);
        Storage::Transaction tx(*m_db);
        for (const Crm::ContactSummary &c : answer->contacts) {
            if (auto remembered
                = index.remember(m_connectionId, c.contactId, c.phones, c.emails, c.updatedAt);
                !remembered) {
                qCWarning(lcEngine) << "contact index cannot store contact" << c.contactId << ":"
                                    << remembered.error().toString();
                finish(false, count);
                return;
            }
            latest = std::max(latest, c.updatedAt);
        }
        // Saved with the page: a restart resumes from here. "From" is inclusive, so the contacts
        // changed in the newest second are read again next time (harmless: remember() overwrites).
        (void)Store::WatermarkRepo(m_db, m_clock)
            .setValue(watermarkSource(m_connectionId), kStream, QString::number(std::max<qint64>(latest, 1)));
        if (auto committed = tx.commit(); !committed) {
            finish(false, count);
            return;
        }
        const int total = count + int(answer->contacts.size());
        if (answer->hasMore) {
            readPage(since, page + 1, latest, total);
            return;
        }
        finish(true, total);
    });
}

void ContactIndexLoader::finish(bool ok, int count)
{
    m_running = false;
    if (ok) {
        if (!m_ready)
            qCInfo(lcEngine) << "contact index of connection" << m_connectionId << "loaded:" << count
                             << "contacts";
        m_ready = true;
        Q_EMIT loaded(count);
        m_timer.start(int(m_refreshMs));
        return;
    }
    m_ready = m_ready || m_loadedBefore;
    m_timer.start(int(std::min<qint64>(m_refreshMs, kRetryMs)));
}

} // namespace Engine
