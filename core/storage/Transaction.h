// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Database.h"
#include "common/Result.h"

namespace Storage {

/**
 * A write transaction on this thread's connection, rolled back unless commit() succeeds.
 * Nested Transactions on the same thread and database join the outermost one, so a repository
 * method that needs atomicity can open one and still take part in its caller's transaction
 * (a source appends jobs and moves its watermark in one commit).
 * SQLite uses BEGIN IMMEDIATE so two writers queue on the busy timeout instead of failing later.
 */
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /** Whether BEGIN worked; when not, error() says why and every later call is a no-op. */
    bool isActive() const { return m_active; }
    const Common::Error &error() const { return m_error; }
    Common::Status commit();
    void rollback();

private:
    Database &m_db;
    Common::Error m_error;
    bool m_active = false;
    bool m_outermost = false;
};

} // namespace Storage
