// SPDX-License-Identifier: GPL-3.0-or-later
#include "Transaction.h"

#include "Sql.h"

#include <map>

namespace Storage {

namespace {
struct ThreadTransaction
{
    int depth = 0;
    bool doomed = false; ///< an inner Transaction rolled back: the outermost one must not commit
};
thread_local std::map<const Database *, ThreadTransaction> t_state;
} // namespace

Transaction::Transaction(Database &db)
    : m_db(db)
{
    ThreadTransaction &state = t_state[&db];
    if (state.depth > 0) {
        ++state.depth;
        m_active = true;
        return;
    }
    auto begun = Sql::exec(db, db.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    if (!begun) {
        m_error = begun.error();
        return;
    }
    state = ThreadTransaction { 1, false };
    m_active = true;
    m_outermost = true;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Common::Status Transaction::commit()
{
    if (!m_active)
        return m_error;
    m_active = false;
    ThreadTransaction &state = t_state[&m_db];
    --state.depth;
    if (!m_outermost)
        return {};
    if (state.doomed) {
        (void)Sql::exec(m_db, QStringLiteral("ROLLBACK"));
        return Common::Error::permanent(
            QStringLiteral("A nested step failed; the whole transaction was rolled back"));
    }
    auto done = Sql::exec(m_db, QStringLiteral("COMMIT"));
    if (!done) {
        (void)Sql::exec(m_db, QStringLiteral("ROLLBACK"));
        return done.error();
    }
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    ThreadTransaction &state = t_state[&m_db];
    --state.depth;
    if (m_outermost)
        (void)Sql::exec(m_db, QStringLiteral("ROLLBACK"));
    else
        state.doomed = true;
}

} // namespace Storage
