// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "crm/CrmConnector.h"
#include "storage/Database.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace Engine {

/**
 * Keeps one connection's contact index in step with the CRM, so contacts that managers made are
 * matched too: a paged first load (`contactsChangedSince(0, page)` until no more) when the connection
 * has no contacts watermark yet, then every refresh interval the contacts changed since the newest
 * `updated_at` seen. The watermark is saved after every page, so a restart resumes where it stopped.
 * Lives on the lane's thread, owned by its LaneWorker; uses the lane's connector (its rate limit).
 */
class ContactIndexLoader : public QObject
{
    Q_OBJECT
public:
    ContactIndexLoader(std::shared_ptr<Storage::Database> db, qint64 connectionId,
                       Crm::CrmConnector *connector, qint64 refreshMs, const Common::Clock *clock,
                       QObject *parent = nullptr);

    /** Starts the first load (or the first refresh) and the refresh timer. */
    void start();
    /** False until the first pass (the first load, or the refresh at start) has finished: the lane
     *  waits, so it does not duplicate contacts the CRM has. */
    bool ready() const { return m_ready; }

Q_SIGNALS:
    /** A load or refresh finished; @p contacts is how many it read from the CRM. */
    void loaded(int contacts);

private:
    void run();
    void readPage(qint64 since, int page, qint64 newest, int count);
    void finish(bool ok, int count);

    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
    Crm::CrmConnector *m_connector;
    const Common::Clock *m_clock;
    qint64 m_refreshMs;
    QTimer m_timer;
    bool m_ready = false;
    bool m_loadedBefore = false;
    bool m_running = false;
};

} // namespace Engine
